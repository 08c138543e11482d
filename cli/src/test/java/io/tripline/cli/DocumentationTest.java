package io.tripline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README and the help pages describe what exists: every scenario key, no paths a user's clone lacks, no missing commands. */
class DocumentationTest {

  static final Path README = Path.of("..", "README.md");

  private static void keys(JsonNode schema, Set<String> into) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    schema.path("properties").fields().forEachRemaining(e -> {
      into.add(e.getKey());
      keys(e.getValue(), into);
    });
    for (String k : new String[] {"items", "then", "else", "if", "additionalProperties"}) {
      keys(schema.get(k), into);
    }
    for (String k : new String[] {"oneOf", "anyOf", "allOf"}) {
      schema.path(k).forEach(x -> keys(x, into));
    }
    schema.path("$defs").forEach(x -> keys(x, into));
  }

  @Test
  void theReadmeDocumentsEveryKeyTheScenarioSchemaAccepts() throws Exception {
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream("/io/tripline/simulator/schema/scenario.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    Set<String> keys = new TreeSet<>();
    keys(schema, keys);
    String readme = Files.readString(README);
    assertThat(keys).contains("actor", "deniedBy").allSatisfy(k ->
        assertThat(readme.contains("`" + k + "`") || readme.contains(k + ":")).as("README documents '" + k + "'").isTrue());
  }

  @Test
  void userDocsHaveNoPathsOutsideTheRepository() throws Exception {
    assertThat(Files.readString(README)).doesNotContain("../shared").doesNotContain("/work/");
  }

  @Test
  void theTopLevelHelpNamesOnlyCommandsThatExist() {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new Tripline());
    cmd.setOut(new PrintWriter(out, true));
    cmd.execute("--help");
    Set<String> commands = cmd.getSubcommands().keySet();
    // Every registered command is named in the help, and the help names no other.
    assertThat(commands).contains("coverage", "detect", "serve", "policy", "iam");
    for (String c : commands) {
      assertThat(out.toString()).contains(c);
    }
    StringWriter iam = new StringWriter();
    new CommandLine(new Tripline()).setOut(new PrintWriter(iam, true)).execute("iam", "--help");
    assertThat(iam.toString()).contains("evaluate", "audit", "suggest");
  }
}

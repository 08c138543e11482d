package io.tripline.rego.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PolicySources;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the committed bad-input corpus ({@code src/test/resources/bad-input/}). Each
 * {@code NAME.rego} must fail to load or compile, and each {@code NAME.eval.rego} must fail the
 * query in its first line ({@code # query: ...}, strict builtin errors), with the located error
 * {@code expected.txt} gives for NAME: {@code file:line[:col]: code: message}, never an exception.
 */
class BadInputCorpusTest {

  @Test
  void everyBadInputGivesItsLocatedError() throws Exception {
    Path dir = Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int sep = line.indexOf(" => ");
        expected.put(line.substring(0, sep), line.substring(sep + 4));
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".rego")).sorted().toList();
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (Path f : files) {
      actual.put(f.getFileName().toString(), error(f));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  private static String error(Path f) throws Exception {
    String name = f.getFileName().toString();
    try {
      PolicySources sources = PolicySources.load(List.of(f));
      PreparedPolicy p = Rego.compile(sources);
      if (name.endsWith(".eval.rego")) {
        String query = Files.readAllLines(f).get(0).substring("# query: ".length());
        p.evaluate(query, null, EvalOptions.DEFAULT.strict(true));
      }
      return "no error";
    } catch (RegoException e) {
      List<String> out = new ArrayList<>();
      for (RegoError x : e.errors()) {
        out.add(x.toString().replace(f.toString(), name));
      }
      return out.stream().collect(Collectors.joining(" | "));
    }
  }
}

package io.tripline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The committed bad-input corpus of the command line ({@code bad-input/cases.tsv}): every command
 * with a usage error and an input error, and the malformed, hostile inputs of issue 15. Each case
 * gives the exit code of the scheme in README "Exit codes and errors" and a fragment of the one
 * located message; no case may print a stack trace.
 */
class BadInputCorpusTest {

  @TempDir Path tmp;

  static Path corpus() throws URISyntaxException {
    return Path.of(BadInputCorpusTest.class.getResource("/io/tripline/cli/bad-input/cases.tsv").toURI()).getParent();
  }

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(corpus().resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      out.add(Arguments.of(cols[2], Integer.parseInt(cols[0]), cols[1]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitCodeAndLocatedMessageWithoutStackTrace(String args, int exit, String expected) throws Exception {
    String[] argv = args.replace("{d}", corpus().toString()).replace("{tmp}", tmp.toString()).split(" ");
    CliRun run = CliRun.of(argv);
    assertThat(run.clean()).as("no stack trace:%n%s", run.all()).isTrue();
    assertThat(run.all()).as("output").contains(expected);
    assertThat(run.code()).as("exit code; output:%n%s", run.all()).isEqualTo(exit);
  }

  /** The corpus holds a usage error for every command and subcommand there is. */
  @Test
  void everyCommandHasAUsageErrorCase() throws Exception {
    List<String> lines = Files.readAllLines(corpus().resolve("cases.tsv"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    collect(new CommandLine(new Tripline()), "", lines, missing);
    assertThat(missing).as("commands without a case in cases.tsv").isEmpty();
  }

  private static void collect(CommandLine cmd, String prefix, List<String> lines, List<String> missing) {
    for (var e : cmd.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      String name = (prefix + " " + e.getKey()).trim();
      if (e.getValue().getSubcommands().isEmpty()) {
        boolean has = lines.stream().anyMatch(l -> !l.startsWith("#") && l.split("\t").length == 3
            && l.split("\t")[0].equals("2") && (l.split("\t")[2] + " ").startsWith(name + " "));
        if (!has) {
          missing.add(name);
        }
      } else {
        collect(e.getValue(), name, lines, missing);
      }
    }
  }
}

package io.tripline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's text output, rendered for a 100-column terminal, fits in 100 columns; --wide keeps full lines. */
class TerminalWidthTest {

  static final int COLUMNS = 100;

  @TempDir static Path dir;

  @BeforeEach
  void terminal() {
    System.setProperty(Terminal.COLUMNS_PROPERTY, String.valueOf(COLUMNS));
  }

  @AfterEach
  void noTerminal() {
    System.clearProperty(Terminal.COLUMNS_PROPERTY);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Tripline());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    cmd.execute(args);
    return out + "\n" + err;
  }

  static Stream<List<String>> commands() throws Exception {
    Path sim = dir.resolve("sim");
    Path script = dir.resolve("long.yaml");
    Files.writeString(script, """
        id: long-names
        title: A scenario whose title goes on and on to find out whether the listing keeps to the terminal width
        mitre: [T1562.008]
        actors:
          a: {type: IAMUser, userName: a-very-long-user-name-that-keeps-going-and-going}
        steps:
          - call: cloudtrail:DescribeTrail
        """);
    return Stream.of(
        List.of("--help"),
        List.of("scenario", "list"),
        List.of("scenario", "list", "--variants"),
        List.of("scenario", "list", "--catalog"),
        List.of("scenario", "show", "soc-2024-219-cloudtrail-log-enumeration"),
        List.of("scenario", "show", "phished-console-to-persistence"),
        List.of("scenario", "show", "cloudtrail-stop-logging/denied-by-scp"),
        List.of("scenario", "validate"),
        List.of("scenario", "validate", script.toString()),
        List.of("simulate", "phished-console-to-persistence", "--baseline", "developer:50", "--out", sim.toString()),
        List.of("logs", "inspect", sim.toString()),
        List.of("simulate", "cloudtrail-stop-logging", "--out", sim.toString()),
        List.of("scenario", "show", "cloudtrail-stop-logging/no-such-variant-with-a-long-name"),
        List.of("policy", "test", dir.toString()),
        List.of("simulate", "--help"),
        List.of("scenario", "show", "--help"),
        List.of("logs", "inspect", "--help"),
        List.of("rego", "eval", "--help"),
        List.of("iam", "evaluate", "--help"),
        List.of("policy", "test", "--help"),
        List.of("policy", "list"),
        List.of("detect", "--no-enrich", sim.toString()),
        List.of("coverage", "soc-2024-219-cloudtrail-log-enumeration", "cloudtrail-update-trail-change-management",
            "--data", "../attack-scenarios/src/main/resources/context/company.yaml", "--baseline", "developer:100", "--no-enrich"),
        List.of("coverage", "--help"),
        List.of("detect", "--help"),
        List.of("serve", "--help"),
        List.of("iam", "audit", "--help"),
        List.of("iam", "suggest", "--help"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void fitsAHundredColumnTerminal(List<String> args) {
    String output = run(args.toArray(String[]::new));
    assertThat(output.strip()).as("output of " + args).isNotEmpty();
    assertThat(output.lines()).allSatisfy(line -> assertThat(Terminal.visible(line)).as(line).isLessThanOrEqualTo(COLUMNS));
  }

  @Test
  void wideAndNoTerminalPrintFullLines() {
    String wide = run("scenario", "list", "--wide");
    assertThat(wide.lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(COLUMNS);
    System.clearProperty(Terminal.COLUMNS_PROPERTY);
    String piped = run("scenario", "show", "soc-2024-219-cloudtrail-log-enumeration");
    assertThat(piped).contains("detection: s3.amazonaws.com GetObject/ListObjects on the trail bucket (keys under AWSLogs/<account>/CloudTrail/)"
        + " by a principal");
  }
}

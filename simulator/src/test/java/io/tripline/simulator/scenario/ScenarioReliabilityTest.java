package io.tripline.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.source.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 15: YAML read as written, and whatever validation accepts, simulate runs. */
class ScenarioReliabilityTest {

  @TempDir Path dir;

  private static String step(String step) {
    return Fixtures.oneStep(Fixtures.CLI_USER, step);
  }

  private static Diagnostic onlyProblem(LoadResult r) {
    assertThat(r.diagnostics()).as("diagnostics").isNotEmpty();
    return r.diagnostics().get(0);
  }

  @Test
  void anAliasIsItsAnchoredValueNotItsName() {
    String yaml = """
        id: test
        title: test
        mitre: [T1654]
        include: [small-account]
        start: "2024-03-14T16:00:00Z"
        actors:
          a: &u
            type: IAMUser
            userName: alice
            sourceIp: 198.51.100.1
          b: *u
        steps:
          - actor: b
            call: iam:ListUsers
        """;
    Scenario s = Fixtures.scenario(yaml);
    assertThat(s.actors().get("b").userName()).isEqualTo("alice");
  }

  @Test
  void aBillionLaughsFileIsALocatedErrorNotAnOutOfMemory() {
    StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 12; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    Diagnostic d = onlyProblem(Fixtures.load(y.toString()));
    assertThat(d.line()).isPositive();
    assertThat(d.message()).contains("aliases expand this document to more than 1000000 values");
  }

  @Test
  void aSecondDocumentIsAnErrorNotIgnored() {
    Diagnostic d = onlyProblem(Fixtures.load(step("call: iam:ListUsers") + "---\nid: other\n"));
    assertThat(d.toString()).startsWith("test.yaml:14:").contains("a second YAML document");
  }

  @Test
  void tooDeepYamlIsALocatedErrorInOurWords() {
    Diagnostic d = onlyProblem(Fixtures.load("id: " + "[".repeat(3000) + "]".repeat(3000) + "\n"));
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.message()).contains("nested deeper than 200 levels").doesNotContain("StreamReadConstraints");
  }

  @Test
  void aNonUtf8FileIsALocatedError() throws Exception {
    Path f = dir.resolve("latin1.yaml");
    byte[] text = step("call: iam:ListUsers\n    name: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(f, text);
    Diagnostic d = onlyProblem(new ScenarioLoader(Fixtures.CATALOG).load(f));
    assertThat(d.line()).isEqualTo(13);
    assertThat(d.message()).contains("not UTF-8");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "after: PT-5S | negative",
      "after: -PT5S | not valid",
      "after: 99999999999999999999s | longer than",
      "after: 400000h | longer than",
      "jitter: PT-1M | negative",
      "repeat: {count: 2, every: PT-1S} | negative",
  })
  void negativeOrAbsurdDurationsAreRejectedAtValidation(String field, String expected) {
    LoadResult r = Fixtures.load(step("call: iam:ListUsers\n" + field));
    assertThat(onlyProblem(r).toString()).startsWith("test.yaml:1").contains(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0001-01-01T00:00:00Z | 1970",
      "+12024-01-01T00:00:00Z | 1970",
      "1969-12-31T23:59:59Z | 1970",
  })
  void timesOutsideTheYears1970To9999AreRejected(String start, String expected) {
    LoadResult r = Fixtures.load(step("call: iam:ListUsers").replace("2024-03-14T16:00:00Z", start));
    assertThat(onlyProblem(r).toString()).startsWith("test.yaml:5:").contains(expected).contains("9999");
  }

  @Test
  void aScenarioThatWouldRunPastTheYear9999IsRejected() {
    LoadResult r = Fixtures.load(step("call: iam:ListUsers\nafter: 8000h").replace("2024-03-14T16:00:00Z", "9999-06-01T00:00:00Z"));
    assertThat(onlyProblem(r).message()).contains("9999");
  }

  @Test
  void anInvalidSourceIpIsRejected() {
    LoadResult r = Fixtures.load(Fixtures.oneStep(Fixtures.CLI_USER.replace("198.51.100.1", "999.1.1.1"), "call: iam:ListUsers"));
    assertThat(onlyProblem(r).toString()).startsWith("test.yaml:").contains("'999.1.1.1' is not an IP address");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${int:5} | int:MIN-MAX",
      "${int:9-1} | MIN",
      "${hex:-5} | between 1 and 4096",
      "${hex:99999999} | between 1 and 4096",
      "${hex:abc} | between 1 and 4096",
      "${time:iso+zz} | bad time offset",
  })
  void badGeneratorArgumentsAreRejectedAtValidation(String template, String expected) {
    LoadResult r = Fixtures.load(step("call: iam:CreateUser\nparams: {userName: \"" + template + "\"}"));
    assertThat(onlyProblem(r).toString()).startsWith("test.yaml:1").contains(expected);
  }

  @Test
  void aRepeatCountPastTheCapNamesTheCap() {
    LoadResult r = Fixtures.load(step("call: iam:ListUsers\nrepeat: {count: 1000000}"));
    assertThat(onlyProblem(r).toString()).startsWith("test.yaml:1").contains("100000");
  }

  @Test
  void aNulInAnIncludePathIsALocatedError() {
    LoadResult r = Fixtures.load(step("call: iam:ListUsers").replace("include: [small-account]", "include: [\"small\\0account\"]"));
    assertThat(onlyProblem(r).toString()).startsWith("test.yaml:4:").contains("include");
  }

  @Test
  void whatValidationAcceptsSimulateRuns() {
    String yaml = step("call: iam:CreateUser\nparams: {userName: \"u-${hex:4096}-${int:1-5}\"}\nrepeat: {count: 3, every: 23h}\njitter: 1h")
        .replace("2024-03-14T16:00:00Z", "9998-01-01T00:00:00Z");
    Scenario s = Fixtures.scenario(yaml);
    assertThat(new Simulator(Fixtures.CATALOG).run(s, SimulationOptions.defaults()).records()).hasSize(3);
  }
}

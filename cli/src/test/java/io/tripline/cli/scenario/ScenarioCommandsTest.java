package io.tripline.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScenarioCommandsTest {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cmd = new CommandLine(new ScenarioCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void validatesEveryBundledFile() {
    assertThat(run("validate")).isEqualTo(0);
    assertThat(out.toString()).contains("soc-2024-219-cloudtrail-log-enumeration").contains("0 problem(s)");
  }

  @Test
  void reportsProblemsWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        id: bad
        title: Bad
        mitre: [T1562.008]
        actors:
          a: {type: IAMUser, userName: x}
        steps:
          - call: cloudtrail:StopLoging
        """);
    assertThat(run("validate", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(bad + ":7:11: unknown call 'cloudtrail:StopLoging'").contains("cloudtrail:StopLogging");
  }

  @Test
  void listsScenariosWithMitreIdsAndTheCatalog() {
    assertThat(run("list")).isEqualTo(0);
    assertThat(out.toString()).contains("cloudtrail-stop-logging").contains("T1562.008").contains("security-auditor");
    out.getBuffer().setLength(0);
    assertThat(run("list", "--catalog")).isEqualTo(0);
    assertThat(out.toString()).contains("s3:PutBucketLifecycleConfiguration").contains("PutBucketLifecycle").contains("108 calls");
  }

  @Test
  void showsTheTimelineAndWhatWasNotLogged() {
    assertThat(run("show", "phished-console-to-persistence")).isEqualTo(0);
    assertThat(out.toString()).contains("2024-03-14T20:45:00Z").contains("signin:ConsoleLogin")
        .contains("not delivered to the trail").contains("logging is off (stopped by step 10 (cloudtrail:StopLogging)")
        .contains("still visible in CloudTrail Event history").doesNotContain("NOT LOGGED");
  }

  @Test
  void unknownIdsAreAnError() {
    assertThat(run("show", "no-such-scenario")).isEqualTo(2);
    assertThat(err.toString()).contains("no bundled scenario or baseline with that id");
  }

  @Test
  void aMistypedIdSuggestsTheNearestScenarios() {
    assertThat(run("show", "cloudtrail-stop-loging")).isEqualTo(2);
    assertThat(err.toString()).contains("nearest: cloudtrail-stop-logging");
  }
}

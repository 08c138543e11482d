package io.tripline.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cmd = new CommandLine(new SimulateCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void writesTheSeedIncidentInTheS3Layout(@TempDir Path dir) throws Exception {
    assertThat(run("soc-2024-219-cloudtrail-log-enumeration", "--out", dir.toString())).isEqualTo(0);
    assertThat(files(dir)).contains("tripline-manifest.json");
    assertThat(files(dir)).filteredOn(f -> !f.equals("tripline-manifest.json")).isNotEmpty().allSatisfy(f -> assertThat(f)
        .matches("AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz"));
    assertThat(out.toString()).contains("soc-2024-219-cloudtrail-log-enumeration").contains("9 record(s)");
  }

  @Test
  void sameSeedSameBytes(@TempDir Path dir) throws Exception {
    run("cloudtrail-stop-logging", "--format", "jsonl", "--out", dir.resolve("a").toString(), "--seed", "5");
    run("cloudtrail-stop-logging", "--format", "jsonl", "--out", dir.resolve("b").toString(), "--seed", "5");
    run("cloudtrail-stop-logging", "--format", "jsonl", "--out", dir.resolve("c").toString(), "--seed", "6");
    String a = Files.readString(dir.resolve("a/records.jsonl"));
    assertThat(a).isEqualTo(Files.readString(dir.resolve("b/records.jsonl")));
    assertThat(a).isNotEqualTo(Files.readString(dir.resolve("c/records.jsonl")));
    assertThat(out.toString()).contains("not delivered to the trail: step 4 iam:CreateAccessKey").contains("logging is off")
        .contains("still visible in CloudTrail Event history (LookupEvents, 90 days) in us-east-1").doesNotContain("not logged");
  }

  @Test
  void startNoTagAndBaselines(@TempDir Path dir) throws Exception {
    assertThat(run("cloudtrail-delete-trail", "--format", "jsonl", "--out", dir.toString(), "--start", "2025-01-02T03:04:05Z",
        "--no-tag", "--baseline", "security-auditor:20")).isEqualTo(0);
    String jsonl = Files.readString(dir.resolve("records.jsonl"));
    assertThat(jsonl).contains("\"eventTime\":\"2025-01-02T03:04:05Z\"").doesNotContain("tripline_");
    assertThat(out.toString()).contains("baseline");
  }

  @Test
  void aBaselineProfileAloneIsNormalActivity(@TempDir Path dir) throws Exception {
    assertThat(run("security-auditor", "--format", "jsonl", "--out", dir.toString())).isEqualTo(0);
    List<String> lines = Files.readAllLines(dir.resolve("records.jsonl"));
    assertThat(lines).hasSize(100).allSatisfy(l -> assertThat(l).contains("assumed-role/SecurityAudit/soc-analyst"));
  }

  @Test
  void aDirectoryRunsEveryScriptInIt(@TempDir Path dir) throws Exception {
    Path scripts = Files.createDirectories(dir.resolve("scripts"));
    String script = """
        id: %s
        title: t
        mitre: [T1654]
        actors:
          a: {type: IAMUser, userName: x}
        steps:
          - call: cloudtrail:DescribeTrails
        """;
    Files.writeString(scripts.resolve("one.yaml"), script.formatted("one"));
    Files.writeString(scripts.resolve("two.yaml"), script.formatted("two"));
    assertThat(run(scripts.toString(), "--format", "jsonl", "--out", dir.resolve("out").toString())).isEqualTo(0);
    assertThat(out.toString()).contains("one  run").contains("two  run");
  }

  @Test
  void writesEcsDocuments(@TempDir Path dir) throws Exception {
    assertThat(run("guardduty-detector-deleted", "--format", "ecs", "--out", dir.toString())).isEqualTo(0);
    assertThat(Files.readString(dir.resolve("records.ecs.jsonl"))).contains("\"action\":\"DeleteDetector\"");
  }

  @Test
  void badInputIsAUsageErrorNotAStackTrace(@TempDir Path dir) {
    assertThat(run("cloudtrail-delete-trail", "--out", dir.toString(), "--start", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--start 'yesterday' is not a time");
    assertThat(run("cloudtrail-delete-trail", "--out", dir.toString(), "--baseline", "nobody:5")).isEqualTo(2);
    assertThat(run("not-a-scenario", "--out", dir.toString())).isEqualTo(2);
  }

  @Test
  void aManifestBesideTheRecordsTellsAttackFromBaseline(@TempDir Path dir) throws Exception {
    assertThat(run("cloudtrail-delete-trail", "--format", "jsonl", "--out", dir.toString(), "--baseline", "security-auditor:10")).isEqualTo(0);
    assertThat(files(dir)).containsExactly("records.jsonl", "tripline-manifest.json");
    com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("tripline-manifest.json").toFile());
    assertThat(m.path("runs").get(0).path("scenario").asText()).isEqualTo("cloudtrail-delete-trail");
    assertThat(m.path("runs").get(0).path("seed").asLong()).isEqualTo(1);
    assertThat(m.path("files").get(0).asText()).isEqualTo("records.jsonl");
    List<String> lines = Files.readAllLines(dir.resolve("records.jsonl"));
    assertThat(m.path("records")).hasSize(lines.size());
    assertThat(m.path("records").findValuesAsText("baseline")).contains("security-auditor");
    assertThat(m.path("records").findValues("step")).isNotEmpty();
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\"baseline\"").doesNotContain("\"step\""));
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefusedWithoutForce(@TempDir Path dir) throws Exception {
    assertThat(run("cloudtrail-stop-logging", "--out", dir.toString())).isEqualTo(0);
    List<String> first = files(dir);
    assertThat(run("cloudtrail-stop-logging", "--out", dir.toString(), "--seed", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("is not empty").contains("--force");
    assertThat(files(dir)).isEqualTo(first);
  }

  @Test
  void forceReplacesOnlyWhatAnEarlierRunWrote(@TempDir Path dir) throws Exception {
    assertThat(run("cloudtrail-stop-logging", "--out", dir.toString())).isEqualTo(0);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("AWSLogs/keep.json"), "{}");
    assertThat(run("cloudtrail-stop-logging", "--out", dir.toString(), "--seed", "2", "--force")).isEqualTo(0);
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    assertThat(dir.resolve("AWSLogs/keep.json")).exists();
    List<String> logs = files(dir).stream().filter(f -> f.endsWith(".json.gz")).toList();
    com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("tripline-manifest.json").toFile());
    assertThat(logs).hasSize(m.path("files").size());
    assertThat(m.path("runs").get(0).path("seed").asLong()).isEqualTo(2);
  }

  @Test
  void forceWithoutAManifestDeletesNothing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("report.json"), "{}");
    assertThat(run("cloudtrail-stop-logging", "--out", dir.toString(), "--force")).isEqualTo(2);
    assertThat(err.toString()).contains("nothing was deleted");
    assertThat(files(dir)).containsExactly("report.json");
  }

  @Test
  void oneWorldCarriesTheChangeManagementStateIntoTheAttack(@TempDir Path dir) throws Exception {
    assertThat(run("cloudtrail-update-trail-change-management", "cloudtrail-log-delivery-redirected", "--one-world",
        "--format", "jsonl", "--out", dir.toString())).isEqualTo(0);
    List<com.fasterxml.jackson.databind.JsonNode> updates = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("records.jsonl"))) {
      com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      if (r.path("eventName").asText().equals("UpdateTrail")) {
        updates.add(r);
      }
    }
    assertThat(updates).hasSize(2);
    assertThat(updates.get(1).path("responseElements").path("logFileValidationEnabled").asBoolean())
        .as("the attacker's UpdateTrail shows validation as the change left it").isTrue();
  }
}

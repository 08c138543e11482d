package io.tripline.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogsInspectCommandTest {

  @TempDir Path dir;
  Path logs;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Three calls by two principals, one denied, delivered as CloudTrail does (gzip, S3 layout). */
  @BeforeEach
  void writeLogs() throws Exception {
    logs = dir.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14");
    Files.createDirectories(logs);
    String records = "{\"Records\":["
        + record("2024-03-14T21:15:10Z", "cloudtrail.amazonaws.com", "DescribeTrails", "user/dev-mhernandez", "203.0.113.77", null) + ","
        + record("2024-03-14T21:16:02Z", "cloudtrail.amazonaws.com", "LookupEvents", "user/dev-mhernandez", "203.0.113.77", null) + ","
        + record("2024-03-14T21:18:40Z", "iam.amazonaws.com", "CreateAccessKey", "user/ci-deployer", "198.51.100.23", "AccessDenied")
        + "]}";
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(
        logs.resolve("111122223333_CloudTrail_us-east-1_20240314T2120Z_kP3xW9qLmN2vB8rT.json.gz")))) {
      gz.write(records.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String record(String time, String source, String name, String user, String ip, String error) {
    String userName = user.substring(user.indexOf('/') + 1);
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA4QSKZE2J" + userName.length()
        + "EXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:" + user + "\",\"accountId\":\"111122223333\",\"userName\":\"" + userName + "\"},"
        + "\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"aws-cli/2.15.30\","
        + (error == null ? "" : "\"errorCode\":\"" + error + "\",\"errorMessage\":\"not authorized\",")
        + "\"requestParameters\":null,\"responseElements\":null,\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
  }

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new LogsInspectCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void summarisesADirectoryTreeAsATable() {
    int exit = run(dir.toString());

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("records read          3")
        .contains("records skipped       0")
        .contains("time range            2024-03-14T21:15:10Z .. 2024-03-14T21:18:40Z (3m 30s)")
        .containsPattern("cloudtrail\\.amazonaws\\.com +2")
        .containsPattern("  DescribeTrails +1")
        .containsPattern("dev-mhernandez +IAMUser +arn:aws:iam::111122223333:user/dev-mhernandez +2")
        .containsPattern("203\\.0\\.113\\.77 +2")
        .containsPattern("AccessDenied +1")
        .doesNotContain("\u001b[");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void jsonOutputIsForMachines() throws Exception {
    int exit = run("--format", "json", dir.toString());

    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("recordsRead").asLong()).isEqualTo(3);
    assertThat(json.at("/timeRange/first").asText()).isEqualTo("2024-03-14T21:15:10Z");
    assertThat(json.at("/eventSources/0/eventSource").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(json.at("/eventSources/0/eventNames/1/eventName").asText()).isEqualTo("LookupEvents");
    assertThat(json.at("/principals/0/arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/dev-mhernandez");
    assertThat(json.at("/sourceIPAddresses/1/sourceIPAddress").asText()).isEqualTo("198.51.100.23");
    assertThat(json.at("/errorCodes/0/errorCode").asText()).isEqualTo("AccessDenied");
    assertThat(json.get("problems")).isEmpty();
  }

  @Test
  void badRecordsAreSkippedCountedAndNamedOnStderr() throws Exception {
    Path bad = Files.writeString(dir.resolve("extra.jsonl"),
        "{\"eventTime\":\"2024-03-14T21:20:00Z\",\"eventName\":\"ListBuckets\"}\n{\"eventName\":\"ListBuckets\"}\n");

    int exit = run(dir.toString());

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("records read          4").contains("records skipped       1");
    assertThat(err.toString())
        .contains("skipped: " + bad + ":2:1: record #2: the record has no eventTime")
        .contains("1 bad record(s) skipped; use --strict to stop at the first");
  }

  @Test
  void strictStopsAtTheFirstBadRecordWithExitOne() throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.json"), "{\"Records\":[{\"eventTime\": oops}]}");

    int exit = run("--strict", bad.toString(), dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("tripline logs inspect: " + bad + ":1:").contains("Unrecognized token 'oops'")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aMissingPathIsAUsageErrorWithExitTwo() {
    int exit = run(dir.resolve("no-such-dir").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("tripline logs inspect: " + dir.resolve("no-such-dir") + ": no such file or directory" + System.lineSeparator());
  }

  @Test
  void digestFilesAreCountedNotRead() throws Exception {
    Path digests = Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/14"));
    Files.writeString(digests.resolve("111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240314T215512Z.json.gz"), "{}");

    run(dir.toString());

    assertThat(out.toString()).contains("digest files skipped  1").contains("records skipped       0");
  }

  @Test
  void simulatorOutputIsCountedByOriginFromItsManifest() throws Exception {
    Path sim = dir.resolve("sim");
    CommandLine simulate = new CommandLine(new io.tripline.cli.simulate.SimulateCommand());
    simulate.setOut(new PrintWriter(new StringWriter()));
    assertThat(simulate.execute("cloudtrail-delete-trail", "--out", sim.toString(), "--baseline", "security-auditor:7")).isEqualTo(0);
    assertThat(run(sim.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("ORIGIN").contains("scenario cloudtrail-delete-trail").contains("baseline security-auditor")
        .contains("step  1");
    assertThat(out.toString()).containsPattern("records skipped +0");
    assertThat(run("--format", "json", sim.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("\"origins\"");
  }

  @Test
  void aFolderWithoutLogFilesIsNotSuccess() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nothing-here"));
    Files.writeString(empty.resolve("notes.txt"), "not a log");
    assertThat(run(empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no CloudTrail log files in " + empty);
    assertThat(out.toString()).doesNotContain("every call succeeded");
  }

  @Test
  void logFilesWithoutRecordsAreNotSuccess() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-logs"));
    Files.writeString(empty.resolve("111122223333_CloudTrail_us-east-1_20240314T2120Z_x.json"), "{\"Records\":[]}");
    assertThat(run(empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no records in the 1 file(s) read");
    assertThat(out.toString()).doesNotContain("every call succeeded");
  }
}

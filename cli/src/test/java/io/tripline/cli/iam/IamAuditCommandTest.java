package io.tripline.cli.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.cli.SarifSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IamAuditCommandTest {

  static final Path ACCOUNTS = Path.of("../attack-scenarios/src/main/resources/accounts");
  static final String EXPORT = ACCOUNTS.resolve("company-123456789012.authz-details.json").toString();
  static final String REMEDIATED = ACCOUNTS.resolve("company-123456789012-remediated.authz-details.json").toString();
  static final String TRAILS = ACCOUNTS.resolve("company-123456789012.trails.json").toString();

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new IamAuditCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private static String bucketPolicy(boolean remediated) {
    return "company-cloudtrail-logs=" + ACCOUNTS.resolve("company-cloudtrail-logs" + (remediated ? "-remediated" : "") + ".bucket-policy.json");
  }

  private Map<String, List<String>> findingIds() throws Exception {
    JsonNode root = new ObjectMapper().readTree(out.toString());
    Map<String, List<String>> ids = new TreeMap<>();
    for (JsonNode p : root.get("principals")) {
      List<String> list = new ArrayList<>();
      p.get("findings").forEach(f -> list.add(f.get("id").asText()));
      ids.put(p.get("arn").asText().replaceAll(".*/", ""), list);
    }
    return ids;
  }

  @Test
  void theSeedAccountFlagsDevUsersLogReadAndMissingMfaAndLeavesTheAuditorRoleAlone() throws Exception {
    assertThat(run("--account-export", EXPORT, "--trails", TRAILS, "--bucket-policy", bucketPolicy(false), "--format", "json")).isEqualTo(1);
    Map<String, List<String>> ids = findingIds();
    assertThat(ids.get("dev_user")).contains("TRL-IAM-001", "TRL-IAM-003");
    assertThat(ids.get("SecurityAudit")).isEmpty();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode dev = root.get("principals").get(0);
    assertThat(dev.get("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/dev_user");
    assertThat(dev.get("effectiveAccess").get("access").toString()).contains("cloudtrail:LookupEvents", "DebugWithCloudTrail");
  }

  @Test
  void theRemediatedAccountLeavesDevUserAloneAndFailOnHighPasses() throws Exception {
    run("--account-export", REMEDIATED, "--trails", TRAILS, "--bucket-policy", bucketPolicy(true), "--format", "json");
    Map<String, List<String>> ids = findingIds();
    assertThat(ids.get("dev_user")).isEmpty();
    assertThat(ids.get("SecurityAudit")).isEmpty();
  }

  @Test
  void failOnCriticalExitsZero() {
    assertThat(run("--account-export", EXPORT, "--trails", TRAILS, "--fail-on", "critical")).isZero();
  }

  @Test
  void theTableFitsA100ColumnTerminalAndNamesTheGrantingStatements() {
    assertThat(run("--account-export", EXPORT, "--trails", TRAILS, "--bucket-policy", bucketPolicy(false))).isEqualTo(1);
    String text = out.toString();
    assertThat(text).contains("user dev_user", "TRL-IAM-001", "granted by: policy/DeveloperAccess 'DebugWithCloudTrail'",
        "No findings: user ci-deployer, role SecurityAudit");
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void sarifHasOneRulePerCheckAndAResultPerFinding() throws Exception {
    run("--account-export", EXPORT, "--trails", TRAILS, "--format", "sarif");
    JsonNode run = new ObjectMapper().readTree(out.toString()).get("runs").get(0);
    assertThat(run.at("/tool/driver/rules").size()).isGreaterThanOrEqualTo(8);
    assertThat(run.get("results").toString()).contains("TRL-IAM-001", "arn:aws:iam::123456789012:user/dev_user");
  }

  @Test
  void sarifValidatesAgainstTheSarif210SchemaEvenForAnExportPathWithSpaces() throws Exception {
    Path export = Files.createDirectories(dir.resolve("account exports")).resolve("company #1.json");
    Files.copy(Path.of(EXPORT), export);
    assertThat(run("--account-export", export.toString(), "--trails", TRAILS, "--format", "sarif")).isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(out.toString());
    JsonNode run = sarif.get("runs").get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(run.get("results").size()).isGreaterThan(3);
    for (JsonNode r : run.get("results")) {
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
      assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("account%20exports/company%20%231.json");
    }
    assertThat(SarifSchema.validate(sarif)).isEmpty();
  }

  @Test
  void markdownIsATable() {
    run("--account-export", EXPORT, "--trails", TRAILS, "--format", "markdown");
    assertThat(out.toString()).contains("# IAM audit of account 123456789012", "| Severity | Check | Principal |", "| medium | TRL-IAM-001");
  }

  @Test
  void badInputsExitTwoWithTheFileAndWhatToDo() throws Exception {
    assertThat(run("--account-export", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.json");

    Path trails = Files.writeString(dir.resolve("trails.json"), "{\"trailList\": [{\"Name\": \"t\"}]}");
    assertThat(run("--account-export", EXPORT, "--trails", trails.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("trails.json: /trailList/0/S3BucketName: missing", "describe-trails");

    assertThat(run("--account-export", EXPORT, "--bucket-policy", "no-equals-sign")).isEqualTo(2);
    assertThat(err.toString()).contains("expected BUCKET=FILE");

    assertThat(run("--account-export", EXPORT, "--fail-on", "severe")).isEqualTo(2);
    assertThat(err.toString()).contains("--fail-on severe: expected one of informational, low, medium, high, critical");

    assertThat(run("--trails", TRAILS)).as("an export or --live is required").isEqualTo(2);
  }

  @Test
  void aLogReaderListedInDataIsNotReported() throws Exception {
    Path data = Files.writeString(dir.resolve("readers.json"),
        "{\"tripline\": {\"iam\": {\"log_readers\": [\"arn:aws:iam::123456789012:user/dev_user\"]}}}");
    run("--account-export", EXPORT, "--trails", TRAILS, "--data", data.toString(), "--format", "json");
    assertThat(findingIds().get("dev_user")).doesNotContain("TRL-IAM-001").contains("TRL-IAM-003");
  }

  @Test
  void withAnActivityWindowUnusedSensitivePermissionsAreReported() throws Exception {
    run("--account-export", EXPORT, "--trails", TRAILS, "--activity", IamSuggestCommandTest.ACTIVITY, "--format", "json");
    Map<String, List<String>> ids = findingIds();
    assertThat(ids.get("dev_user")).contains("TRL-IAM-009");
    JsonNode dev = new ObjectMapper().readTree(out.toString()).get("principals").get(0).get("effectiveAccess");
    assertThat(dev.get("unusedSensitive").toString()).contains("cloudtrail:GetTrail").doesNotContain("\"cloudtrail:LookupEvents\"");
    assertThat(dev.get("activity").get("calls").asInt()).isGreaterThan(100);
  }
}

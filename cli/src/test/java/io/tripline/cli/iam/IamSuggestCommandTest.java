package io.tripline.cli.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The activity is the seed scenario plus a developer baseline, generated once with
 * {@code ./tripline simulate soc-2024-219-cloudtrail-log-enumeration --baseline developer:300 --out -}.
 */
class IamSuggestCommandTest {

  static final String ACTIVITY = Path.of("src/test/resources/io/tripline/cli/iam/soc-2024-219-developer-300.jsonl").toString();

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new IamSuggestCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void devUsersPolicyDropsCloudTrailAndTheTrailBucketAndKeepsTheDevelopersWork() throws Exception {
    Path policyFile = dir.resolve("policy.json");
    assertThat(run("--account-export", IamAuditCommandTest.EXPORT, "--trails", IamAuditCommandTest.TRAILS, "--activity", ACTIVITY,
        "--principal", "dev_user", "--format", "json", "--policy-out", policyFile.toString())).isZero();
    JsonNode s = new ObjectMapper().readTree(out.toString());
    String policy = s.get("policy").toString();
    assertThat(policy).doesNotContain("cloudtrail:", "company-cloudtrail-logs");
    assertThat(policy).contains("ec2:DescribeInstances", "lambda:ListFunctions", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
        "s3:ListAllMyBuckets", "arn:aws:s3:::company-app-artifacts/*", "s3:PutObject");
    Map<String, String> verdicts = new HashMap<>();
    s.get("statements").forEach(v -> verdicts.put(v.get("sid").asText(), v.get("verdict").asText()));
    assertThat(verdicts).containsEntry("DebugWithCloudTrail", "remove").containsEntry("ReadAllBuckets", "replace")
        .containsEntry("ComputeAndLogs", "keep").containsEntry("AppArtifacts", "unobserved");
    assertThat(s.get("excludedSensitive").toString()).contains("cloudtrail:LookupEvents", "s3:GetObject", "company-cloudtrail-logs");
    assertThat(new ObjectMapper().readTree(Files.readString(policyFile))).isEqualTo(s.get("policy"));
  }

  @Test
  void keepSensitiveKeepsTheLogAccessTheActivityShows() throws Exception {
    run("--account-export", IamAuditCommandTest.EXPORT, "--trails", IamAuditCommandTest.TRAILS, "--activity", ACTIVITY,
        "--principal", "dev_user", "--format", "json", "--keep-sensitive");
    String policy = new ObjectMapper().readTree(out.toString()).get("policy").toString();
    assertThat(policy).contains("cloudtrail:LookupEvents", "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/*");
  }

  @Test
  void theTextViewNamesWhatToRemove() {
    assertThat(run("--account-export", IamAuditCommandTest.EXPORT, "--trails", IamAuditCommandTest.TRAILS, "--activity", ACTIVITY)).isZero();
    assertThat(out.toString()).contains("Least privilege for user dev_user", "REMOVE     policy/DeveloperAccess 'DebugWithCloudTrail'",
        "Suggested policy:");
  }

  @Test
  void anUnknownPrincipalOrMissingLogsExitTwo() {
    assertThat(run("--account-export", IamAuditCommandTest.EXPORT, "--activity", ACTIVITY, "--principal", "nobody")).isEqualTo(2);
    assertThat(err.toString()).contains("--principal nobody: no such user or role", "dev_user");
    assertThat(run("--account-export", IamAuditCommandTest.EXPORT, "--activity", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(run("--account-export", IamAuditCommandTest.EXPORT, "--activity", ACTIVITY, "--principal", "SecurityAudit")).isEqualTo(2);
    assertThat(err.toString()).contains("no calls by SecurityAudit");
  }
}

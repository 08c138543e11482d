package io.tripline.cli.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IamEvaluateCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private static final String DEV_USER_LOOKUP = """
      {"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user", "type": "IAMUser"},
       "action": "cloudtrail:LookupEvents", "resource": "*",
       "context": {"aws:SourceIp": "185.143.221.89"},
       "identityPolicies": [{"name": "DevCloudTrailRead", "document": {"Version": "2012-10-17",
         "Statement": [{"Sid": "ReadTrails", "Effect": "Allow", "Action": ["cloudtrail:LookupEvents", "cloudtrail:Describe*"], "Resource": "*"}]}}]}
      """;

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new IamEvaluateCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void printsTheDecisionWithTheStatementThatAllowedIt() throws Exception {
    Path file = Files.writeString(dir.resolve("req.json"), DEV_USER_LOOKUP);
    assertThat(run("--request", file.toString())).isZero();
    JsonNode result = new ObjectMapper().readTree(out.toString());
    assertThat(result.get("decision").asText()).isEqualTo("allowed");
    assertThat(result.get("decidingPolicyType").asText()).isEqualTo("identity");
    assertThat(result.get("matchedStatements").get(0).get("sid").asText()).isEqualTo("ReadTrails");
    assertThat(result.get("reason").asText()).isNotBlank();
  }

  @Test
  void anArrayOfRequestsGivesAnArrayOfResultsInOrder() throws Exception {
    String denied = DEV_USER_LOOKUP.replace("cloudtrail:LookupEvents\", \"resource", "cloudtrail:StopLogging\", \"resource");
    Path file = Files.writeString(dir.resolve("reqs.json"), "[" + DEV_USER_LOOKUP + "," + denied + "]");
    assertThat(run("--request", file.toString())).isZero();
    JsonNode results = new ObjectMapper().readTree(out.toString());
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("decision").asText()).isEqualTo("allowed");
    assertThat(results.get(1).get("decision").asText()).isEqualTo("implicitDeny");
  }

  @Test
  void aMalformedRequestExitsTwoWithTheJsonPointerOfTheProblem() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "[" + DEV_USER_LOOKUP + "," + DEV_USER_LOOKUP.replace("\"Allow\"", "\"allow\"") + "]");
    assertThat(run("--request", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("/1/identityPolicies/0/document/Statement/0/Effect");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anAccountExportSuppliesThePrincipalsPolicies() throws Exception {
    Path export = Files.writeString(dir.resolve("account.json"), """
        {"UserDetailList": [{"Path": "/", "UserName": "dev_user", "UserId": "AIDAEXAMPLE0000000001",
          "Arn": "arn:aws:iam::123456789012:user/dev_user", "GroupList": [], "AttachedManagedPolicies": [], "Tags": [],
          "UserPolicyList": [{"PolicyName": "read", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Sid%22%3A%22Lookup%22%2C%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22cloudtrail%3ALookupEvents%22%2C%22Resource%22%3A%22*%22%7D%5D%7D"}]}],
         "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
        """);
    Path file = Files.writeString(dir.resolve("req.json"),
        "{\"principal\": {\"arn\": \"arn:aws:iam::123456789012:user/dev_user\"}, \"action\": \"cloudtrail:LookupEvents\", \"resource\": \"*\"}");
    assertThat(run("--request", file.toString(), "--account", export.toString())).isZero();
    JsonNode result = new ObjectMapper().readTree(out.toString());
    assertThat(result.get("decision").asText()).isEqualTo("allowed");
    assertThat(result.get("matchedStatements").get(0).get("sid").asText()).isEqualTo("Lookup");
  }

  @Test
  void aMissingFileExitsTwo() {
    assertThat(run("--request", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void compactPrintsOneResultPerLineForAnArray() throws Exception {
    String denied = DEV_USER_LOOKUP.replace("cloudtrail:LookupEvents\", \"resource", "cloudtrail:StopLogging\", \"resource");
    Path file = Files.writeString(dir.resolve("reqs.json"), "[" + DEV_USER_LOOKUP + "," + denied + "]");
    assertThat(run("--request", file.toString(), "--compact")).isZero();
    java.util.List<String> lines = out.toString().strip().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(new ObjectMapper().readTree(lines.get(0)).get("decision").asText()).isEqualTo("allowed");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("decision").asText()).isEqualTo("implicitDeny");
  }

  @Test
  void anAllowStoppedByItsConditionSaysWhichCondition() throws Exception {
    String mfa = """
        {"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user", "type": "IAMUser"},
         "action": "iam:CreateAccessKey", "resource": "arn:aws:iam::123456789012:user/dev_user",
         "context": {"aws:MultiFactorAuthPresent": "false"},
         "identityPolicies": [{"name": "SelfServiceKeys", "document": {"Version": "2012-10-17",
           "Statement": [{"Sid": "KeysWithMfa", "Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*",
             "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}}]}
        """;
    Path file = Files.writeString(dir.resolve("mfa.json"), mfa);
    assertThat(run("--request", file.toString())).isZero();
    JsonNode result = new ObjectMapper().readTree(out.toString());
    assertThat(result.get("decision").asText()).isEqualTo("implicitDeny");
    assertThat(result.get("reason").asText())
        .contains("SelfServiceKeys statement 'KeysWithMfa' allows but its condition aws:MultiFactorAuthPresent failed");
  }
}

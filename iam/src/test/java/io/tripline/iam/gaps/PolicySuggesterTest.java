package io.tripline.iam.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.iam.ServiceReference;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.EffectiveAccessAnalyzer;
import io.tripline.iam.access.PrincipalAccess;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.account.ExportFileLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicySuggesterTest {

  static final Path DIR = Path.of("../attack-scenarios/src/main/resources/accounts");
  static final String DEV = "arn:aws:iam::123456789012:user/dev_user";

  static AccountAccess seed() throws Exception {
    return AccountAccess.of(new ExportFileLoader().load(DIR.resolve("company-123456789012.authz-details.json")),
        new AccountResources(new ResourceFileLoader().trails(DIR.resolve("company-123456789012.trails.json")), Map.of(), List.of()));
  }

  static ActivityCall call(String action, String resource) {
    return new ActivityCall(DEV, action, resource, null, false);
  }

  @Test
  void groupsActionsAsAccessAnalyzerAndLeavesTheLogAccessOut() throws Exception {
    AccountAccess access = seed();
    PrincipalAccess dev = new EffectiveAccessAnalyzer(access).analyze().stream().filter(a -> a.principal().arn().equals(DEV)).findFirst().orElseThrow();
    ActivityWindow window = new ActivityWindow(access, List.of(
        call("ec2:DescribeInstances", "*"), call("lambda:ListFunctions", "*"),
        call("s3:GetObject", "arn:aws:s3:::company-app-artifacts/builds/orders-api/1.zip"),
        call("s3:GetObject", "arn:aws:s3:::company-app-artifacts/builds/orders-api/2.zip"),
        call("s3:PutObject", "arn:aws:s3:::company-app-artifacts/builds/orders-api/3.zip"),
        call("cloudtrail:LookupEvents", "*"),
        call("s3:GetObject", "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/x.json.gz"),
        new ActivityCall(DEV, "iam:ListUsers", "*", null, true)));
    PolicySuggestion s = new PolicySuggester(access, ServiceReference.bundled()).suggest(dev, window, false);
    String policy = s.policy().toString();
    assertThat(s.policy().at("/Statement/0/Action").toString()).isEqualTo("[\"ec2:DescribeInstances\",\"lambda:ListFunctions\"]");
    assertThat(s.policy().at("/Statement/0/Resource").asText()).isEqualTo("*");
    assertThat(s.policy().at("/Statement/1/Sid").asText()).isEqualTo("S3Resources");
    assertThat(s.policy().at("/Statement/1/Action").toString()).isEqualTo("[\"s3:GetObject\",\"s3:PutObject\"]");
    assertThat(s.policy().at("/Statement/1/Resource").toString()).isEqualTo("[\"arn:aws:s3:::company-app-artifacts/builds/orders-api/*\"]");
    assertThat(policy).doesNotContain("cloudtrail", "company-cloudtrail-logs", "iam:ListUsers");
    assertThat(s.excludedSensitive()).extracting(ActivityCall::action).containsExactly("cloudtrail:LookupEvents", "s3:GetObject");
    assertThat(s.callsDenied()).isEqualTo(1);
    Map<String, String> verdicts = s.statements().stream().collect(Collectors.toMap(StatementVerdict::sid, v -> v.verdict().text()));
    assertThat(verdicts).containsEntry("AppArtifacts", "keep").containsEntry("DebugWithCloudTrail", "remove")
        .containsEntry("ReadAllBuckets", "replace").containsEntry("ComputeAndLogs", "keep");
    assertThat(s.unusedSensitive()).extracting(g -> g.probe().action()).contains("cloudtrail:DescribeTrails").doesNotContain("cloudtrail:LookupEvents");
  }
}

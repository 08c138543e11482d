package io.tripline.iam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.rego.value.ObjectValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IamAuditTest {

  static final Path ACCOUNTS = Path.of("../attack-scenarios/src/main/resources/accounts");
  static final Path CHECKS = Path.of("../policies/src/main/resources/iam");

  static AuditResult audit(boolean remediated) throws Exception {
    String suffix = remediated ? "-remediated" : "";
    ResourceFileLoader files = new ResourceFileLoader();
    AccountResources resources = new AccountResources(files.trails(ACCOUNTS.resolve("company-123456789012.trails.json")),
        Map.of("company-cloudtrail-logs", files.bucketPolicy(ACCOUNTS.resolve("company-cloudtrail-logs" + suffix + ".bucket-policy.json"))), List.of());
    AccountAccess access = AccountAccess.of(new ExportFileLoader().load(ACCOUNTS.resolve("company-123456789012" + suffix + ".authz-details.json")), resources);
    return new IamAudit(IamChecks.compile(BundledChecks.read(CHECKS), ObjectValue.EMPTY)).run(access);
  }

  static Map<String, List<String>> idsByPrincipal(AuditResult r) {
    return r.principals().stream().collect(Collectors.toMap(p -> p.arn().substring(p.arn().lastIndexOf('/') + 1),
        p -> p.findings().stream().map(f -> f.check().id()).distinct().sorted().toList()));
  }

  @Test
  void theSeedAccountFlagsDevUsersLogReadAndMissingMfaAndNothingOnTheAuditorRole() throws Exception {
    AuditResult r = audit(false);
    Map<String, List<String>> ids = idsByPrincipal(r);
    assertThat(ids.get("dev_user")).containsExactly("TRL-IAM-001", "TRL-IAM-003", "TRL-IAM-008");
    assertThat(ids.get("SecurityAudit")).isEmpty();
    assertThat(ids.get("ci-deploy")).isEmpty();
    assertThat(ids.get("AWSServiceRoleForConfig")).isEmpty();
    assertThat(ids.get("CloudAdmin")).as("a designated admin that needs MFA: only its wildcard").containsExactly("TRL-IAM-004");
    assertThat(ids.get("admin")).contains("TRL-IAM-002", "TRL-IAM-003", "TRL-IAM-005");
    IamFinding read = r.findings().stream().filter(f -> f.check().id().equals("TRL-IAM-001")).findFirst().orElseThrow();
    assertThat(read.principal()).isEqualTo("arn:aws:iam::123456789012:user/dev_user");
    assertThat(read.actions()).contains("cloudtrail:LookupEvents", "s3:GetObject");
    assertThat(read.finding().path("statements").toString()).contains("DebugWithCloudTrail", "ReadAllBuckets");
    assertThat(r.checks()).extracting(IamCheck::id).contains("TRL-IAM-001", "TRL-IAM-008");
  }

  @Test
  void theRemediatedAccountNoLongerFlagsDevUser() throws Exception {
    Map<String, List<String>> ids = idsByPrincipal(audit(true));
    assertThat(ids.get("dev_user")).isEmpty();
    assertThat(ids.get("SecurityAudit")).isEmpty();
  }

  @Test
  void aCheckWithoutAnIdIsRefusedWithItsPackage() {
    String rego = "# METADATA\n# title: x\n# custom:\n#   severity: low\npackage tripline.iam.checks.bad\n\nfinding contains {\"message\": \"m\"} if true\n";
    assertThatThrownBy(() -> IamChecks.compile(Map.of("bad.rego", rego), ObjectValue.EMPTY))
        .hasMessageContaining("data.tripline.iam.checks.bad").hasMessageContaining("custom.id is missing");
  }
}

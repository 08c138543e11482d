package io.tripline.iam.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EffectiveAccessAnalyzerTest {

  private static Map<String, PrincipalAccess> analyze(boolean remediated) throws Exception {
    return new EffectiveAccessAnalyzer(SeedAccount.load(remediated)).analyze().stream()
        .collect(Collectors.toMap(a -> a.principal().name(), Function.identity()));
  }

  private static List<String> actions(PrincipalAccess a, AccessCategory c, boolean withoutMfa) {
    return a.grants(c).stream().filter(g -> withoutMfa ? g.withoutMfa() : g.withMfa()).map(g -> g.probe().action()).distinct().toList();
  }

  @Test
  void devUserReadsTheLogsWithoutMfaAndCannotTamperOrEscalate() throws Exception {
    PrincipalAccess dev = analyze(false).get("dev_user");
    assertThat(actions(dev, AccessCategory.LOG_READ, true)).contains("cloudtrail:LookupEvents", "cloudtrail:DescribeTrails",
        "cloudtrail:GetTrailStatus", "s3:ListBucket", "s3:GetObject").doesNotContain("cloudtrail:StartQuery");
    assertThat(dev.grants(AccessCategory.LOG_TAMPER)).isEmpty();
    assertThat(dev.grants(AccessCategory.PRIVILEGE_ESCALATION)).isEmpty();
    assertThat(dev.adminEquivalent()).isFalse();
    Grant get = dev.grants(AccessCategory.LOG_READ).stream().filter(g -> g.probe().action().equals("s3:GetObject")).findFirst().orElseThrow();
    assertThat(get.probe().resource()).startsWith("arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/");
    assertThat(get.statements()).extracting(s -> s.sid()).containsExactly("ReadAllBuckets");
  }

  @Test
  void theAuditorReadsLogsOnlyWithMfaAndTheAdminsAreAdminEquivalent() throws Exception {
    Map<String, PrincipalAccess> all = analyze(false);
    PrincipalAccess auditor = all.get("SecurityAudit");
    assertThat(actions(auditor, AccessCategory.LOG_READ, false)).contains("cloudtrail:LookupEvents", "cloudtrail:StartQuery", "s3:GetObject");
    assertThat(actions(auditor, AccessCategory.LOG_READ, true)).as("the trust policy requires MFA").isEmpty();
    assertThat(auditor.grants(AccessCategory.LOG_TAMPER)).isEmpty();
    assertThat(all.get("CloudAdmin").adminEquivalent()).isTrue();
    assertThat(all.get("admin").adminEquivalent()).isTrue();
    assertThat(all.get("admin").assumableRoles()).extracting(PrincipalAccess.RoleAssumption::roleArn)
        .contains("arn:aws:iam::123456789012:role/CloudAdmin", SeedAccount.AUDITOR);
    assertThat(all.get("ci-deploy").grants(AccessCategory.LOG_TAMPER)).as("its retention grant is on the app's log group only").isEmpty();
    assertThat(all.get("CloudAdmin").wildcardGrants()).extracting(PrincipalAccess.WildcardGrant::actions).containsExactly(List.of("*"));
  }

  @Test
  void afterRemediationDevUserReadsNoLogs() throws Exception {
    PrincipalAccess dev = analyze(true).get("dev_user");
    assertThat(dev.grants(AccessCategory.LOG_READ)).isEmpty();
  }
}

package io.tripline.iam.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.iam.Decision;
import io.tripline.iam.MatchedStatement;
import io.tripline.iam.NamedPolicy;
import io.tripline.iam.PolicyLevel;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountAccessTest {

  private static final Instant SEED_TIME = Instant.parse("2024-03-14T21:16:22Z");

  @Test
  void theSeedAttackersCallsWereAllowedByTheDevelopersGroupPolicy() throws Exception {
    AccountAccess access = SeedAccount.load(false);
    CallDecision lookup = access.decide(new Call(SeedAccount.DEV, "cloudtrail:LookupEvents", "*", false, "185.143.221.89", SEED_TIME));
    assertThat(lookup.allowed()).isTrue();
    assertThat(lookup.denyKind()).isNull();
    assertThat(lookup.statements()).extracting(MatchedStatement::policy, MatchedStatement::sid)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("arn:aws:iam::123456789012:policy/DeveloperAccess", "DebugWithCloudTrail"));

    CallDecision download = access.decide(new Call(SeedAccount.DEV, "s3:GetObject", SeedAccount.LOG_OBJECT, false, "185.143.221.89", SEED_TIME));
    assertThat(download.allowed()).isTrue();
    assertThat(download.statements()).extracting(MatchedStatement::sid).containsExactly("ReadAllBuckets");
  }

  @Test
  void afterRemediationWithoutMfaTheIdentityPolicyDeniesExplicitly() throws Exception {
    AccountAccess access = SeedAccount.load(true);
    CallDecision noMfa = access.decide(new Call(SeedAccount.DEV, "cloudtrail:LookupEvents", "*", false, "185.143.221.89", SEED_TIME));
    assertThat(noMfa.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(noMfa.denyKind()).isEqualTo(DenyKind.IDENTITY);
    assertThat(noMfa.statements()).extracting(MatchedStatement::sid).containsExactly("DenyAllExceptMfaSetupWithoutMFA");

    CallDecision keys = access.decide(Call.of(SeedAccount.DEV, "cloudtrail:LookupEvents", "*"));
    assertThat(keys.decision()).as("long-term keys have no MFA key: BoolIfExists denies").isEqualTo(Decision.EXPLICIT_DENY);

    CallDecision withMfa = access.decide(Call.of(SeedAccount.DEV, "cloudtrail:LookupEvents", "*").withMfa(true));
    assertThat(withMfa.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(withMfa.denyKind()).isEqualTo(DenyKind.IDENTITY);

    CallDecision work = access.decide(Call.of(SeedAccount.DEV, "s3:PutObject", "arn:aws:s3:::company-app-artifacts/builds/x.zip").withMfa(true));
    assertThat(work.allowed()).isTrue();
  }

  @Test
  void theRemediatedBucketPolicyDeniesLogReadsToEveryoneButTheAuditorsAsResourceDenies() throws Exception {
    AccountAccess access = SeedAccount.load(true);
    CallDecision admin = access.decide(Call.of("arn:aws:iam::123456789012:user/admin", "s3:GetObject", SeedAccount.LOG_OBJECT).withMfa(true));
    assertThat(admin.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(admin.denyKind()).isEqualTo(DenyKind.RESOURCE);

    CallDecision auditor = access.decide(Call.of("arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst", "s3:GetObject", SeedAccount.LOG_OBJECT)
        .withMfa(true));
    assertThat(auditor.allowed()).isTrue();
    assertThat(auditor.statements()).extracting(MatchedStatement::sid).containsExactly("ReadTrailLogFiles");
  }

  @Test
  void assumingARoleIsDecidedWithItsTrustPolicy() throws Exception {
    AccountAccess access = SeedAccount.load(false);
    CallDecision dev = access.decide(Call.of(SeedAccount.DEV, "sts:AssumeRole", SeedAccount.AUDITOR).withMfa(true));
    assertThat(dev.denyKind()).as("the trust policy delegates to the account; dev_user has no sts:AssumeRole").isEqualTo(DenyKind.IDENTITY);

    CallDecision adminNoMfa = access.decide(Call.of("arn:aws:iam::123456789012:user/admin", "sts:AssumeRole", SeedAccount.AUDITOR).withMfa(false));
    assertThat(adminNoMfa.denyKind()).as("the trust policy requires MFA").isEqualTo(DenyKind.RESOURCE);
    assertThat(access.decide(Call.of("arn:aws:iam::123456789012:user/admin", "sts:AssumeRole", SeedAccount.AUDITOR).withMfa(true)).allowed()).isTrue();
  }

  @Test
  void anScpThatDeniesIsReportedAsScp() throws Exception {
    AccountAccess seed = SeedAccount.load(false);
    var scp = new PolicyParser().parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"ProtectTrail\",\"Effect\":\"Deny\",\"Action\":\"cloudtrail:StopLogging\",\"Resource\":\"*\"}]}", PolicyKind.SERVICE_CONTROL);
    AccountResources withScp = new AccountResources(seed.resources().trails(), seed.resources().bucketPolicies(),
        List.of(new PolicyLevel("root", List.of(new NamedPolicy("ProtectTrail", scp.document())))));
    AccountAccess access = AccountAccess.of(new ExportFileLoader().load(SeedAccount.DIR.resolve("company-123456789012.authz-details.json")), withScp);
    CallDecision stop = access.decide(Call.of("arn:aws:iam::123456789012:role/CloudAdmin", "cloudtrail:StopLogging",
        "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail").withMfa(true));
    assertThat(stop.denyKind()).isEqualTo(DenyKind.SCP);
    assertThat(stop.statements()).extracting(MatchedStatement::sid).containsExactly("ProtectTrail");
  }

  @Test
  void anUnknownPrincipalIsDeniedAndSaysSo() throws Exception {
    CallDecision d = SeedAccount.load(false).decide(Call.of("arn:aws:iam::123456789012:user/nobody", "s3:ListBuckets", "*"));
    assertThat(d.denyKind()).isEqualTo(DenyKind.IDENTITY);
    assertThat(d.problems()).anySatisfy(p -> assertThat(p).contains("not a user or role of account 123456789012"));
  }
}

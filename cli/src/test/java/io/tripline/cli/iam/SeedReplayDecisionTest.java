package io.tripline.cli.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.ReadMode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.iam.Decision;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.Call;
import io.tripline.iam.access.CallDecision;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.iam.gaps.ActivityCall;
import io.tripline.iam.gaps.EventActions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the IAM-aware replay will do: decide each call of the simulated seed incident against the
 * seed account, before and after the remediation, with the API it will call ({@link
 * AccountAccess#decide(Call)}).
 */
class SeedReplayDecisionTest {

  static final Path ACCOUNTS = IamAuditCommandTest.ACCOUNTS;

  static AccountAccess account(boolean remediated) throws Exception {
    String suffix = remediated ? "-remediated" : "";
    ResourceFileLoader files = new ResourceFileLoader();
    return AccountAccess.of(new ExportFileLoader().load(ACCOUNTS.resolve("company-123456789012" + suffix + ".authz-details.json")),
        new AccountResources(files.trails(ACCOUNTS.resolve("company-123456789012.trails.json")),
            Map.of("company-cloudtrail-logs", files.bucketPolicy(ACCOUNTS.resolve("company-cloudtrail-logs" + suffix + ".bucket-policy.json"))),
            List.of()));
  }

  /** The attacker's calls (from 185.143.221.89) as the replay would pose them: MFA from the session context, source IP, time. */
  static List<Call> attackCalls() {
    EventActions events = new EventActions(ServiceReference.bundled());
    List<Call> out = new ArrayList<>();
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(List.of(Path.of(IamSuggestCommandTest.ACTIVITY)), ReadMode.STRICT)) {
      for (CloudTrailRecord r : reader) {
        if (!"185.143.221.89".equals(r.sourceIPAddress())) {
          continue;
        }
        List<String> arns = new ArrayList<>();
        r.resources().forEach(x -> arns.add(x.arn()));
        r.requestParameters().forEach(v -> {
          if (v.isTextual() && v.asText().startsWith("arn:")) {
            arns.add(v.asText());
          }
        });
        Boolean mfa = r.userIdentity().mfaAuthenticated().orElse(null);
        events.call(r.userIdentity().arn(), r.eventSource(), r.eventName(), arns, r.errorCode(), r.eventTime())
            .map(c -> new Call(c.principalArn(), c.action(), c.resource(), mfa, r.sourceIPAddress(), r.eventTime()))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  @Test
  void everyStepOfTheSeedIncidentWasAllowedAndEachIsDeniedAfterTheRemediation() throws Exception {
    List<Call> calls = attackCalls();
    assertThat(calls).extracting(Call::action).containsExactly("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
        "cloudtrail:LookupEvents", "cloudtrail:LookupEvents", "cloudtrail:LookupEvents", "s3:ListBucket", "s3:GetObject", "s3:GetObject");
    AccountAccess before = account(false);
    AccountAccess after = account(true);
    for (Call c : calls) {
      CallDecision b = before.decide(c);
      assertThat(b.allowed()).as(c.action() + " before").isTrue();
      assertThat(b.statements()).as(c.action() + " granted by").isNotEmpty()
          .allSatisfy(s -> assertThat(s.policy()).isEqualTo("arn:aws:iam::123456789012:policy/DeveloperAccess"));
      CallDecision a = after.decide(c);
      assertThat(a.decision()).as(c.action() + " after").isEqualTo(Decision.EXPLICIT_DENY);
      assertThat(a.denyKind()).isNotNull();
    }
    CallDecision download = after.decide(calls.get(7));
    assertThat(download.statements()).extracting(s -> s.sid()).contains("DenyAllExceptMfaSetupWithoutMFA", "DenyLogReadExceptAuditors");
  }

  @Test
  void theDevelopersBaselineStillWorksAfterTheRemediationWithMfa() throws Exception {
    AccountAccess after = account(true);
    EventActions events = new EventActions(ServiceReference.bundled());
    ActivityCall describe = events.call("arn:aws:iam::123456789012:user/dev_user", "ec2.amazonaws.com", "DescribeInstances", List.of(), null, null).orElseThrow();
    assertThat(after.decide(new Call(describe.principalArn(), describe.action(), describe.resource(), true, "192.0.2.31", null)).allowed()).isTrue();
    assertThat(after.decide(new Call(describe.principalArn(), describe.action(), describe.resource(), null, "192.0.2.31", null)).decision())
        .as("access keys without MFA are denied by the remediation's MFA statement").isEqualTo(Decision.EXPLICIT_DENY);
  }
}

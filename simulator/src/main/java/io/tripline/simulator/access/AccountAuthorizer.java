package io.tripline.simulator.access;

import io.tripline.iam.MatchedStatement;
import io.tripline.iam.PolicyType;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.Call;
import io.tripline.iam.access.CallDecision;
import io.tripline.iam.gaps.ActivityCall;
import io.tripline.iam.gaps.EventActions;
import java.util.List;
import java.util.Optional;

/**
 * Decides calls with an account's IAM data ({@link AccountAccess}): the call's event becomes the IAM
 * action that authorizes it ({@link EventActions}: ListObjects is s3:ListBucket, console sign-in
 * needs no permission), on the resource it addresses ({@code *} for actions without resource
 * types), for the actor's principal with MFA, source IP and time in the request context. A
 * principal the account data does not hold (another account's, an AWS service) is not decided: its
 * step runs as scripted. Deterministic and thread-safe, as {@code AccountAccess} is.
 */
public final class AccountAuthorizer implements CallAuthorizer {
  private final AccountAccess access;
  private final String source;
  private final EventActions events = new EventActions(ServiceReference.bundled());

  /** @param source what the account data is, for reports (the export file's name) */
  public AccountAuthorizer(AccountAccess access, String source) {
    this.access = access;
    this.source = source;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Authorization decide(Request r) {
    Optional<ActivityCall> call = events.call(r.principalArn(), r.eventSource(), r.eventName(), r.resourceArns(), null, r.time());
    if (call.isEmpty()) {
      return new Authorization(Verdict.NO_PERMISSION_NEEDED, null, null, null, false, List.of(),
          r.call() + " needs no IAM permission");
    }
    String action = call.get().action();
    String resource = call.get().resource();
    boolean root = r.principalArn().endsWith(":root") && r.principalArn().startsWith("arn:aws:iam::");
    if (!root && access.principal(r.principalArn()).isEmpty()) {
      String who = r.principalArn().startsWith("arn:") ? r.principalArn() : "the AWS service " + r.principalArn();
      return new Authorization(Verdict.NOT_DECIDED, action, resource, null, false, List.of(),
          who + " is not a user or role of the account data" + (access.accountId() == null ? "" : " (" + access.accountId() + ")")
              + ": the step ran as scripted");
    }
    CallDecision d = access.decide(new Call(r.principalArn(), action, resource, r.mfa(), r.sourceIp(), r.time()));
    if (d.allowed()) {
      return new Authorization(Verdict.ALLOWED, action, resource, null, false, statements(d.statements(), "Allow"), d.reason());
    }
    boolean explicit = d.decision() == io.tripline.iam.Decision.EXPLICIT_DENY;
    return new Authorization(Verdict.DENIED, action, resource, d.denyKind() == null ? "identity" : d.denyKind().text(), explicit,
        explicit ? statements(d.statements(), "Deny") : List.of(), d.reason());
  }

  private static List<Statement> statements(List<MatchedStatement> matched, String effect) {
    return matched.stream().filter(m -> m.effect() != null && m.effect().name().equalsIgnoreCase(effect))
        .map(m -> new Statement(type(m.policyType()), m.policy(), m.sid(), m.statementIndex(), effect)).toList();
  }

  private static String type(PolicyType t) {
    return switch (t) {
      case IDENTITY -> "identity";
      case RESOURCE_POLICY -> "resource";
      case SCP -> "scp";
      case RCP -> "rcp";
      case PERMISSIONS_BOUNDARY -> "boundary";
      case SESSION_POLICY -> "session";
    };
  }
}

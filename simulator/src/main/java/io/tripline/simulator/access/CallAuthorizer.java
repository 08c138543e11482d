package io.tripline.simulator.access;

import java.time.Instant;
import java.util.List;

/**
 * Decides the calls of scenario steps against an account's policies (IAM-aware replay, {@code
 * SimulationOptions.withAuthorizer}). The simulator asks once per call a scenario step makes, never
 * for baseline calls; a call the policies deny is written as the service logs AccessDenied (its
 * error code and message), and has no effect on the account model. Implementations must be
 * deterministic (same request, same answer) and thread-safe.
 */
public interface CallAuthorizer {

  Authorization decide(Request request);

  /** What the policies' source is, for reports (the export file's name). */
  String source();

  /**
   * One call as the simulator makes it.
   *
   * @param principalArn the actor's ARN (user, assumed-role session, federated user, root), or the
   *     service name of an AWS service actor
   * @param actorType CloudTrail's userIdentity.type
   * @param mfa {@code aws:MultiFactorAuthPresent}: true when the actor used MFA; false for a session
   *     without MFA (console sign-in, assumed role, federation); null for long-term access keys
   *     without MFA (the key is absent, as AWS leaves it)
   * @param call the catalog's {@code service:Action}
   * @param resourceArns the ARNs the call addresses: its record's resources, then ARN-valued request
   *     parameters, then the resource its denied message names
   */
  record Request(String principalArn, String actorType, Boolean mfa, String sourceIp, Instant time, String call,
      String eventSource, String eventName, List<String> resourceArns) {}

  /** What the policies decided. */
  enum Verdict { ALLOWED, DENIED, NO_PERMISSION_NEEDED, NOT_DECIDED }

  /**
   * A decision.
   *
   * @param action the IAM action decided (s3:ListBucket for ListObjects), or null when none applies
   * @param resource the resource decided ({@code *} for actions without resource types)
   * @param deniedBy for a deny, the policy type AWS names in the message: identity, scp, rcp, resource,
   *     boundary, session
   * @param explicit for a deny, whether a Deny statement matched (else nothing allowed it)
   * @param statements the granting statements (allowed), the denying ones (explicit deny), else empty
   * @param reason one sentence: why, or why it could not be decided
   */
  record Authorization(Verdict verdict, String action, String resource, String deniedBy, boolean explicit,
      List<Statement> statements, String reason) {
    public Authorization {
      statements = List.copyOf(statements);
    }

    public boolean denied() {
      return verdict == Verdict.DENIED;
    }
  }

  /**
   * A policy statement that decided a call.
   *
   * @param policyType identity, resource, scp, rcp, boundary or session
   * @param policy the policy's name or ARN as the account data names it
   * @param sid the statement's Sid, or null
   * @param index the statement's 0-based position in its policy
   * @param effect Allow or Deny
   */
  record Statement(String policyType, String policy, String sid, int index, String effect) {
    /**
     * {@code DeveloperAccess 'DebugWithCloudTrail'}, {@code DeveloperAccess #2} without a Sid, {@code
     * bucket policy 'DenyLogReadExceptAuditors'} for a resource-based policy.
     */
    public String label() {
      String name;
      if (policy == null) {
        name = policyType + " policy";
      } else if (policy.startsWith("AWS::")) {
        name = switch (policy) {
          case "AWS::S3::Bucket" -> "bucket policy";
          case "AWS::IAM::Role" -> "trust policy";
          case "AWS::KMS::Key" -> "key policy";
          default -> policy + " policy";
        };
      } else {
        name = policy.substring(policy.lastIndexOf(':') + 1);
        name = name.startsWith("policy/") ? name.substring("policy/".length()) : name;
      }
      return name + " " + (sid == null || sid.isEmpty() ? "#" + index : "'" + sid + "'");
    }
  }
}

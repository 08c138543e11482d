package io.tripline.iam.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One API call to decide against an account: who, what, on which resource, and the request
 * context AWS would have.
 *
 * @param principalArn an IAM user ARN, a role ARN (decided as a session of the role), or an
 *     assumed-role session ARN ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION})
 * @param action {@code service:Action} as IAM names it (s3:ListBucket, not ListObjects)
 * @param resource the resource ARN, or {@code *}
 * @param mfa {@code aws:MultiFactorAuthPresent}: true, false, or null when the key is absent (long-term access keys)
 * @param sourceIp {@code aws:SourceIp}, or null when absent
 * @param time the time of the call ({@code aws:CurrentTime}, {@code aws:EpochTime}), or null to leave them out
 */
public record Call(String principalArn, String action, String resource, Boolean mfa, String sourceIp, Instant time) {
  public Call {
    Objects.requireNonNull(principalArn, "principalArn");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }

  /** A call with no MFA key, no source IP and no time. */
  public static Call of(String principalArn, String action, String resource) {
    return new Call(principalArn, action, resource, null, null, null);
  }

  public Call withMfa(Boolean present) {
    return new Call(principalArn, action, resource, present, sourceIp, time);
  }
}

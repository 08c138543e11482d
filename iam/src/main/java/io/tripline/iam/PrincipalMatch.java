package io.tripline.iam;

/**
 * How a resource-based policy's Principal names the caller; it decides whether the caller's own
 * policies still need to allow ("Policy evaluation logic", "Requests within a single account").
 */
enum PrincipalMatch {
  /** Not named. */
  NONE,
  /** Named through its account ({@code 123456789012} or {@code arn:aws:iam::123456789012:root}): delegates to IAM. */
  ACCOUNT,
  /** Named through the role a session belongs to (or the IAM user a federated session came from). */
  ROLE,
  /** Named itself: the IAM user, the session ARN, or the service principal. */
  DIRECT,
  /** {@code "*"}: everyone. */
  EVERYONE;

  /** Whether a same-account grant of this kind stands on its own, without identity policies or boundaries. */
  boolean standsAlone() {
    return this == DIRECT || this == EVERYONE;
  }
}

package io.tripline.simulator.scenario;

import java.util.Optional;

/**
 * Who makes calls in a scenario. {@code via} is how they reach AWS: {@code cli} (access keys,
 * AKIA for IAM users), {@code console} (a sign-in session: ASIA keys, session context) or
 * {@code sdk}. Optional fields fall back to deterministic, seed-derived values.
 */
public record Actor(
    String name,
    ActorType type,
    String userName,
    String roleName,
    String sessionName,
    String issuerUserName,
    String service,
    String via,
    boolean mfa,
    String sourceIp,
    Optional<String> userAgent,
    Optional<String> accessKeyId,
    Optional<String> principalId,
    Optional<String> accountId,
    Optional<String> invokedBy) {

  /** The identity types CloudTrail writes in {@code userIdentity.type}. */
  public enum ActorType { IAMUser, AssumedRole, Root, FederatedUser, AWSService }

  public boolean console() {
    return "console".equals(via);
  }
}

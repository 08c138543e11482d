package io.tripline.iam.access;

import io.tripline.iam.NamedPolicy;
import io.tripline.iam.policy.PolicyDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user or role of the account with its policies parsed once.
 *
 * @param arn the user or role ARN (with its path)
 * @param name the user or role name
 * @param role true for roles, false for users
 * @param groups the ARNs of the user's groups (empty for roles)
 * @param identityPolicies inline and attached policies (a user's groups' included)
 * @param boundary the permissions boundary, or null
 * @param trustPolicy a role's trust policy, or null
 * @param tags the principal's tags, in the order the account lists them (outputs list them so)
 * @param serviceLinked a service-linked role (path {@code /aws-service-role/})
 */
public record AccountPrincipal(
    String arn, String name, boolean role, List<String> groups, List<NamedPolicy> identityPolicies, NamedPolicy boundary,
    PolicyDocument trustPolicy, Map<String, String> tags, boolean serviceLinked) {
  public AccountPrincipal {
    groups = List.copyOf(groups);
    identityPolicies = List.copyOf(identityPolicies);
    tags.forEach((k, v) -> {
      Objects.requireNonNull(k, "tag key");
      Objects.requireNonNull(v, "tag value");
    });
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** The account id in the ARN. */
  public String account() {
    return arn.split(":", 6)[4];
  }

  /** The ARN a session of this role has, with session name {@code session}; a user's own ARN. */
  public String sessionArn(String session) {
    return role ? "arn:aws:sts::" + account() + ":assumed-role/" + name + "/" + session : arn;
  }
}

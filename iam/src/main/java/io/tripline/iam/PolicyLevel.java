package io.tripline.iam;

import java.util.List;

/**
 * The SCPs or RCPs attached at one level of an organization: the root, an OU, or the account.
 * Every level must allow a request.
 *
 * @param target {@code root}, {@code ou:NAME} or {@code account}
 * @param policies the policies attached at that level
 */
public record PolicyLevel(String target, List<NamedPolicy> policies) {
  public PolicyLevel {
    policies = List.copyOf(policies);
  }
}

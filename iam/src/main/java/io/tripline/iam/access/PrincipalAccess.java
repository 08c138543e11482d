package io.tripline.iam.access;

import java.util.List;

/**
 * What one principal can do that matters for logs and privilege.
 *
 * @param principal the user or role
 * @param grants the sensitive actions it may perform, each with and without MFA
 * @param adminEquivalent it may write any IAM policy (attach to any user, put on any role, create
 *     policy versions), so it can grant itself anything
 * @param assumableWithoutMfa for a role: some principal can assume it without MFA (a service or
 *     web-identity trust counts); always true for users
 * @param assumableRoles the roles it may assume, with whether that needs MFA
 * @param wildcardGrants Allow statements with {@code *} or {@code service:*} actions (or NotAction) on {@code *}
 */
public record PrincipalAccess(
    AccountPrincipal principal, List<Grant> grants, boolean adminEquivalent, boolean assumableWithoutMfa,
    List<RoleAssumption> assumableRoles, List<WildcardGrant> wildcardGrants) {
  public PrincipalAccess {
    grants = List.copyOf(grants);
    assumableRoles = List.copyOf(assumableRoles);
    wildcardGrants = List.copyOf(wildcardGrants);
  }

  /** The grants of one category. */
  public List<Grant> grants(AccessCategory category) {
    return grants.stream().filter(g -> g.probe().category() == category).toList();
  }

  /**
   * A role this principal may assume.
   *
   * @param roleArn the role
   * @param withoutMfa the trust and identity policies allow it without MFA
   * @param statements the statements that allowed the sts:AssumeRole (trust policy and identity)
   */
  public record RoleAssumption(String roleArn, boolean withoutMfa, List<io.tripline.iam.MatchedStatement> statements) {}

  /**
   * An Allow statement granting a whole service or everything on every resource.
   *
   * @param policy the policy name or ARN
   * @param sid the statement's Sid, or null
   * @param statementIndex its position in the policy
   * @param actions the Action (or NotAction) values
   * @param notAction true when the statement uses NotAction
   */
  public record WildcardGrant(String policy, String sid, int statementIndex, List<String> actions, boolean notAction) {}
}

package io.tripline.iam;

import java.util.List;

/**
 * The decision for one request and why.
 *
 * @param decision allowed, explicit deny or implicit deny
 * @param decidingPolicyType the policy type that decided: the one with the deny, the one without
 *     the needed allow, or the one whose allow granted access
 * @param matchedStatements the statements that applied: the denies for an explicit deny,
 *     otherwise the allows that matched
 * @param reason one sentence a person can act on
 * @param warnings what looked wrong in the request (unknown action, resource given for an action
 *     without resource types), with pointers relative to the request
 */
public record AccessDecision(
    Decision decision, PolicyType decidingPolicyType, List<MatchedStatement> matchedStatements, String reason, List<RequestProblem> warnings) {
  public AccessDecision {
    matchedStatements = List.copyOf(matchedStatements);
    warnings = List.copyOf(warnings);
  }

  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }
}

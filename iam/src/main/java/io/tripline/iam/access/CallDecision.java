package io.tripline.iam.access;

import io.tripline.iam.AccessDecision;
import io.tripline.iam.Decision;
import io.tripline.iam.MatchedStatement;
import java.util.List;

/**
 * The decision for one {@link Call}.
 *
 * @param decision allowed, explicit deny or implicit deny
 * @param denyKind for a deny, the kind of policy that denied (as AWS's AccessDenied messages say:
 *     identity, scp, rcp, resource, boundary, session); null when allowed
 * @param statements for an allow, the statements that granted it; for an explicit deny, the denying
 *     statements; for an implicit deny, the allows that applied but did not suffice
 * @param reason one sentence
 * @param problems what the account data lacked to decide exactly (unknown principal, missing key policy)
 */
public record CallDecision(Decision decision, DenyKind denyKind, List<MatchedStatement> statements, String reason, List<String> problems) {
  public CallDecision {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
  }

  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }

  static CallDecision of(AccessDecision d, List<String> problems) {
    List<String> all = new java.util.ArrayList<>(problems);
    d.warnings().forEach(w -> all.add(w.toString()));
    return new CallDecision(d.decision(), d.allowed() ? null : DenyKind.of(d.decidingPolicyType()), d.matchedStatements(), d.reason(), all);
  }
}

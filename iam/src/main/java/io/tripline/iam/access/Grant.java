package io.tripline.iam.access;

import io.tripline.iam.MatchedStatement;
import java.util.List;

/**
 * A sensitive action a principal is allowed to perform on one resource.
 *
 * @param probe the action, resource and why it is sensitive
 * @param withMfa allowed when the request has {@code aws:MultiFactorAuthPresent} true
 * @param withoutMfa allowed when the key is false or absent (console without MFA, long-term
 *     access keys); for a role, only when the role can also be assumed without MFA
 * @param statements the statements that granted it
 */
public record Grant(Probe probe, boolean withMfa, boolean withoutMfa, List<MatchedStatement> statements) {
  public Grant {
    statements = List.copyOf(statements);
  }
}

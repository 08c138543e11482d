package io.tripline.iam.policy;

import java.util.List;

/**
 * One statement of a policy document.
 *
 * @param index position in the Statement array (0 when Statement is a single object)
 * @param sid the Sid, or null
 * @param effect Allow or Deny
 * @param principal Principal or NotPrincipal, or null when the statement has neither
 * @param action Action or NotAction
 * @param resource Resource or NotResource, or null when the statement has neither (trust policies)
 * @param conditions every key under every operator; all must hold
 */
public record Statement(
    int index,
    String sid,
    Effect effect,
    PrincipalSpec principal,
    ElementList action,
    ElementList resource,
    List<ConditionClause> conditions) {
  public Statement {
    conditions = List.copyOf(conditions);
  }
}

package io.tripline.rego.ast;

import java.util.List;

/**
 * A rule. {@code head} is the rule's reference relative to its package ({@code p},
 * {@code a.b[x]}); for MULTI_VALUE rules {@code key} is the member; {@code value} is the
 * value (never null: {@code true} when omitted). {@code args} is set for functions.
 */
public record Rule(
    Term.Ref head,
    RuleKind kind,
    List<Term> args,
    Term key,
    Term value,
    Body body,
    boolean isDefault,
    List<ElseClause> elses,
    String annotations,
    Location location)
    implements Node {

  /** The head's leading name ({@code p} for {@code p.q[x]}). */
  public String name() {
    return head.head().toString();
  }
}

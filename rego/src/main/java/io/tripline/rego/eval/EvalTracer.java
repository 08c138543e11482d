package io.tripline.rego.eval;

import io.tripline.rego.ast.Location;

/**
 * Observes an evaluation for coverage: each expression as it is evaluated, and each rule whose
 * body held. Optional: when none is given the evaluator makes no calls at all.
 */
public interface EvalTracer {

  /** An expression (body literal) at this location is about to be evaluated. */
  void expression(Location at);

  /** The rule (or else clause) starting at this location produced a value. */
  void ruleSucceeded(Location at);
}

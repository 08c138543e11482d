package io.tripline.simulator.coverage;

import java.util.List;

/**
 * One expectation: a technique (either ATT&CK version) or rule id that must fire ({@code fire})
 * or stay quiet ({@code notFire}), on a step ({@code step} ≥ 0) or on the whole scenario
 * ({@code step} = -1); whether it held, the rules that fired for it, and why it could not be
 * judged when the step was not logged ({@code notLogged}, empty otherwise). {@code deniedByPolicy}:
 * in an IAM-aware replay the account's policies denied a step the script meant to succeed, so the
 * expectation was judged on the denied attempts.
 */
public record ExpectationResult(String scenarioId, int step, String stepName, String kind, String target, boolean held,
    List<String> firedBy, String notLogged, boolean deniedByPolicy) {

  public ExpectationResult(String scenarioId, int step, String stepName, String kind, String target, boolean held,
      List<String> firedBy, String notLogged) {
    this(scenarioId, step, stepName, kind, target, held, firedBy, notLogged, false);
  }

  public boolean judged() {
    return notLogged.isEmpty();
  }
}

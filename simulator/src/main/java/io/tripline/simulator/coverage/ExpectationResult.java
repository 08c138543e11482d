package io.tripline.simulator.coverage;

import java.util.List;

/**
 * One expectation: a technique (either ATT&CK version) or rule id that must fire ({@code fire})
 * or stay quiet ({@code notFire}), on a step ({@code step} ≥ 0) or on the whole scenario
 * ({@code step} = -1); whether it held, the rules that fired for it, and why it could not be
 * judged when the step was not logged ({@code notLogged}, empty otherwise).
 */
public record ExpectationResult(String scenarioId, int step, String stepName, String kind, String target, boolean held,
    List<String> firedBy, String notLogged) {

  public boolean judged() {
    return notLogged.isEmpty();
  }
}

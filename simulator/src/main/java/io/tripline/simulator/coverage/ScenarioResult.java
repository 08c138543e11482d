package io.tripline.simulator.coverage;

import io.tripline.core.detect.Finding;
import java.util.List;

/**
 * One scenario (a base script or a variant) in the coverage run.
 *
 * @param status {@code caught} (every fire expectation held), {@code partial} (some held),
 *     {@code missed} (none held), {@code quiet} (a benign look-alike that stayed quiet), {@code noisy}
 *     (a notFire expectation was broken)
 * @param expectations every expectation of the scenario and its steps, held or not
 */
public record ScenarioResult(String id, String title, List<String> mitre, String file, int records,
    List<StepResult> steps, List<ExpectationResult> expectations, List<Finding> findings, String status) {

  /** The distinct rule ids that fired on this scenario's records. */
  public List<String> rulesFired() {
    return findings.stream().map(f -> f.rule().id()).distinct().sorted().toList();
  }
}

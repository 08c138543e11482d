package io.tripline.simulator.coverage;

import java.time.Duration;
import java.util.List;

/**
 * The result of a coverage run: per scenario and step, per rule, per technique, the breakdown by
 * technique × outcome × event kind, and the baseline. {@code stepsCaught / stepsExpected} is the
 * step coverage that {@code --fail-under} checks (steps with a fire expectation that were logged).
 */
public record CoverageReport(
    List<ScenarioResult> scenarios,
    List<RuleResult> rules,
    List<TechniqueResult> techniques,
    List<BreakdownRow> breakdown,
    Baseline baseline,
    int stepsExpected,
    int stepsCaught,
    int stepsNotLogged,
    long recordsSimulated,
    String attackVersion,
    Duration elapsed) {

  /** Baseline records per profile and the findings on them (all false positives). */
  public record Baseline(List<Profile> profiles, long records, int falsePositives, List<io.tripline.core.detect.Finding> findings) {
    public record Profile(String id, int requested, int written) {}
  }

  /**
   * Steps of one technique, outcome ({@code success} or {@code denied}/error) and event kind
   * ({@code management} or {@code data}): how many expected it, how many were caught, how many were
   * not logged.
   */
  public record BreakdownRow(String technique, String outcome, String eventKind, int steps, int caught, int notLogged) {}

  /** Step coverage in percent (100 when nothing was expected). */
  public double stepCoverage() {
    return stepsExpected == 0 ? 100.0 : 100.0 * stepsCaught / stepsExpected;
  }

  /** Expectations that failed (judged and not held). */
  public List<ExpectationResult> failedExpectations() {
    return scenarios.stream().flatMap(s -> s.expectations().stream()).filter(e -> e.judged() && !e.held()).toList();
  }

  public List<TechniqueResult> gaps() {
    return techniques.stream().filter(TechniqueResult::gap).toList();
  }

  public List<RuleResult> deadRules() {
    return rules.stream().filter(RuleResult::dead).toList();
  }
}

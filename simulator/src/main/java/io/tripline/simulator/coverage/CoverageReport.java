package io.tripline.simulator.coverage;

import java.time.Duration;
import java.util.List;

/**
 * The result of a coverage run: per scenario and step, per rule, per technique, the breakdown by
 * technique × outcome × event kind, and the baseline. {@code stepsCaught / stepsExpected} is the
 * step coverage that {@code --fail-under} checks (steps with a fire expectation that were logged).
 * {@code accessSource} names the account data of an IAM-aware replay (null otherwise).
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
    Duration elapsed,
    String accessSource) {

  /** Whether the steps were decided against an account's policies (IAM-aware replay). */
  public boolean iamAware() {
    return accessSource != null;
  }

  /**
   * An IAM-aware replay in numbers: steps by verdict, and the denied steps on whose attempts a rule
   * fired ({@code deniedDetected}). Zeros when not IAM-aware.
   */
  public record AccessSummary(int allowed, int denied, int mixed, int noPermissionNeeded, int notDecided, int deniedDetected,
      int overridden) {}

  public AccessSummary accessSummary() {
    int[] n = new int[7];
    for (ScenarioResult s : scenarios) {
      for (StepResult st : s.steps()) {
        st.access().ifPresent(a -> {
          switch (a.verdict()) {
            case "allowed" -> n[0]++;
            case "denied" -> n[1]++;
            case "mixed" -> n[2]++;
            case "no-permission-needed" -> n[3]++;
            default -> n[4]++;
          }
          if (a.denied() && !st.hits().isEmpty()) {
            n[5]++;
          }
          if (a.overridden()) {
            n[6]++;
          }
        });
      }
    }
    return new AccessSummary(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
  }

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

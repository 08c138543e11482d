package io.tripline.simulator.coverage;

import io.tripline.simulator.StepAccess;
import io.tripline.simulator.scenario.Expectation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One scenario step in the coverage run: what it called, how it ended, whether a trail recorded
 * it (and why not), which rules fired on its records and how soon, and whether its
 * expectation held.
 *
 * @param status {@code caught} (an expected technique or rule fired), {@code missed} (it did not),
 *     {@code quiet} (a notFire expectation held), {@code noisy} (a notFire expectation was broken),
 *     {@code not-logged} (no trail recorded the call: not a miss of the rules), {@code no-expectation}
 * @param hits the rules that fired on this step's records, earliest first (for a step the policies
 *     denied: the rules that fired on the denied attempts)
 * @param access in an IAM-aware replay, what the account's policies decided for the step
 */
public record StepResult(int index, String name, String call, String eventName, String actor, String outcome,
    String eventKind, Instant time, int calls, int recorded, List<String> notLoggedBecause, Expectation expect,
    List<String> eventIDs, List<Hit> hits, String status, Optional<StepAccess> access) {

  public StepResult(int index, String name, String call, String eventName, String actor, String outcome,
      String eventKind, Instant time, int calls, int recorded, List<String> notLoggedBecause, Expectation expect,
      List<String> eventIDs, List<Hit> hits, String status) {
    this(index, name, call, eventName, actor, outcome, eventKind, time, calls, recorded, notLoggedBecause, expect, eventIDs, hits,
        status, Optional.empty());
  }

  /** True when the account's policies denied the step (some or all of its calls) in an IAM-aware replay. */
  public boolean deniedByPolicy() {
    return access.map(StepAccess::denied).orElse(false);
  }

  /** A rule that fired on the step: its id, severity, kind, and how long after the step it fired. */
  public record Hit(String ruleId, String severity, String kind, Duration delay, String message) {}

  public boolean logged() {
    return recorded == calls && recorded > 0;
  }
}

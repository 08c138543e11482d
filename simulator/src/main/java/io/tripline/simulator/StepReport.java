package io.tripline.simulator;

import io.tripline.simulator.scenario.Expectation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one step did: when, how many calls, how they ended, and whether CloudTrail recorded them
 * ({@code loggedBy} trails), or why not ({@code notLoggedBecause}).
 *
 * @param outcome {@code success}, or the error code written (AccessDenied, TrailNotFoundException, ...)
 * @param stillVisibleIn where calls no trail delivered can still be seen: management events stay in
 *     CloudTrail Event history (LookupEvents) for 90 days whatever the trails do; empty for data events
 * @param access in an IAM-aware replay, what the account's policies decided for the step's calls
 */
public record StepReport(int index, String name, String call, String eventName, String actor, Instant first, Instant last,
    int calls, int recorded, String outcome, List<String> loggedBy, List<String> notLoggedBecause, Expectation expect,
    Optional<String> stillVisibleIn, Optional<StepAccess> access) {

  public StepReport(int index, String name, String call, String eventName, String actor, Instant first, Instant last,
      int calls, int recorded, String outcome, List<String> loggedBy, List<String> notLoggedBecause, Expectation expect,
      Optional<String> stillVisibleIn) {
    this(index, name, call, eventName, actor, first, last, calls, recorded, outcome, loggedBy, notLoggedBecause, expect,
        stillVisibleIn, Optional.empty());
  }

  public boolean logged() {
    return recorded == calls;
  }
}

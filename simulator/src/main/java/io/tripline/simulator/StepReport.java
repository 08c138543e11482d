package io.tripline.simulator;

import io.tripline.simulator.scenario.Expectation;
import java.time.Instant;
import java.util.List;

/**
 * What one step did: when, how many calls, how they ended, and whether CloudTrail recorded them
 * ({@code loggedBy} trails), or why not ({@code notLoggedBecause}).
 *
 * @param outcome {@code success}, or the error code written (AccessDenied, TrailNotFoundException, ...)
 */
public record StepReport(int index, String name, String call, String eventName, String actor, Instant first, Instant last,
    int calls, int recorded, String outcome, List<String> loggedBy, List<String> notLoggedBecause, Expectation expect) {

  public boolean logged() {
    return recorded == calls;
  }
}

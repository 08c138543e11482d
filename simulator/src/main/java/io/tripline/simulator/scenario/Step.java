package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One timed step. Exactly one of {@code at} (offset from the start), {@code atInstant} (absolute)
 * or {@code after} (gap after the previous step) places it; none means right after the previous
 * step. {@code outcome} is {@code success}, {@code denied} or an AWS error code; {@code deniedBy}
 * names the policy type that refused a denied call ({@code identity}, {@code scp}, {@code rcp},
 * {@code resource}, {@code boundary}, {@code session}).
 */
public record Step(
    int index,
    String name,
    String call,
    String actor,
    Optional<Duration> at,
    Optional<Instant> atInstant,
    Optional<Duration> after,
    Duration jitter,
    Optional<String> region,
    ObjectNode params,
    String outcome,
    String deniedBy,
    int repeat,
    Duration every,
    Expectation expect,
    int line) {

  /** A short label for reports: {@code #3 cloudtrail:StopLogging}. */
  public String label() {
    return "step " + (index + 1) + " (" + call + ")";
  }
}

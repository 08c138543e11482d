package io.tripline.core.detect;

import java.time.Duration;
import java.util.List;

/**
 * What a run did: records evaluated, findings, records or batches a rule failed on (the first
 * {@link #MAX_ERRORS_KEPT} messages kept), and how long it took.
 */
public record DetectionSummary(long records, long findings, long errors, List<String> errorMessages, Duration elapsed) {
  public static final int MAX_ERRORS_KEPT = 100;

  /** Records per second. */
  public double rate() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : records / s;
  }
}

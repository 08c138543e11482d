package io.tripline.core.detect;

import io.tripline.rego.EvalOptions;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a detection run goes: worker threads, records per work unit, how far out of time order
 * records may arrive and still group correctly (CloudTrail files overlap by minutes), the
 * enrichment, the correlation history to start from, and a progress callback.
 *
 * @param reorderTolerance correlation records are held back until records this much newer have
 *     arrived, then released in time order; a record older than that is still grouped, late
 */
public record DetectionOptions(int threads, int chunkSize, Duration reorderTolerance, Enricher enricher,
    CorrelationHistory history, EvalOptions evalOptions, Consumer<DetectionProgress> progress) {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(15);

  public static DetectionOptions defaults() {
    return new DetectionOptions(Runtime.getRuntime().availableProcessors(), 256, DEFAULT_TOLERANCE, null,
        null, EvalOptions.DEFAULT, p -> {});
  }

  public DetectionOptions threads(int n) {
    return new DetectionOptions(Math.max(1, n), chunkSize, reorderTolerance, enricher, history, evalOptions, progress);
  }

  public DetectionOptions chunkSize(int n) {
    return new DetectionOptions(threads, Math.max(1, n), reorderTolerance, enricher, history, evalOptions, progress);
  }

  public DetectionOptions reorderTolerance(Duration d) {
    return new DetectionOptions(threads, chunkSize, d, enricher, history, evalOptions, progress);
  }

  public DetectionOptions enricher(Enricher e) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, e, history, evalOptions, progress);
  }

  public DetectionOptions history(CorrelationHistory h) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, h, evalOptions, progress);
  }

  public DetectionOptions evalOptions(EvalOptions o) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, history, o, progress);
  }

  public DetectionOptions progress(Consumer<DetectionProgress> p) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, history, evalOptions, p);
  }

  /** Records read, findings so far and elapsed time, reported every few thousand records. */
  public record DetectionProgress(long records, long findings, Duration elapsed) {}
}

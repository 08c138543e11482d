package io.tripline.core.detect;

import io.tripline.rego.EvalOptions;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a detection run goes: worker threads, records per work unit, how far out of time order
 * records may arrive and still group correctly (CloudTrail files overlap by minutes), the
 * enrichment, the correlation history to start from, a progress callback, and the context learned
 * in a first pass (or null).
 *
 * @param reorderTolerance correlation records are held back until records this much newer have
 *     arrived, then released in time order; a record older than that is still grouped, late
 */
public record DetectionOptions(int threads, int chunkSize, Duration reorderTolerance, Enricher enricher,
    CorrelationHistory history, EvalOptions evalOptions, Consumer<DetectionProgress> progress, LearnedContext initialContext) {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(15);

  public static DetectionOptions defaults() {
    return new DetectionOptions(Runtime.getRuntime().availableProcessors(), 256, DEFAULT_TOLERANCE, null,
        null, EvalOptions.DEFAULT, p -> {}, null);
  }

  public DetectionOptions threads(int n) {
    return new DetectionOptions(Math.max(1, n), chunkSize, reorderTolerance, enricher, history, evalOptions, progress, initialContext);
  }

  public DetectionOptions chunkSize(int n) {
    return new DetectionOptions(threads, Math.max(1, n), reorderTolerance, enricher, history, evalOptions, progress, initialContext);
  }

  public DetectionOptions reorderTolerance(Duration d) {
    return new DetectionOptions(threads, chunkSize, d, enricher, history, evalOptions, progress, initialContext);
  }

  public DetectionOptions enricher(Enricher e) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, e, history, evalOptions, progress, initialContext);
  }

  public DetectionOptions history(CorrelationHistory h) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, h, evalOptions, progress, initialContext);
  }

  public DetectionOptions evalOptions(EvalOptions o) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, history, o, progress, initialContext);
  }

  public DetectionOptions progress(Consumer<DetectionProgress> p) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, history, evalOptions, p, initialContext);
  }

  /**
   * What records see as learned before the first one (a first pass over the same logs, so every
   * record, not only later ones, knows the trail buckets); it is copied, not changed.
   */
  public DetectionOptions initialContext(LearnedContext c) {
    return new DetectionOptions(threads, chunkSize, reorderTolerance, enricher, history, evalOptions, progress, c);
  }

  /** Records read, findings so far and elapsed time, reported every few thousand records. */
  public record DetectionProgress(long records, long findings, Duration elapsed) {}
}

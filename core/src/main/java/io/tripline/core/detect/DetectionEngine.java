package io.tripline.core.detect;

import io.tripline.core.record.CloudTrailRecord;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Turns a stream of CloudTrail records into findings. Record rules' findings come in record
 * order; a correlation rule's finding comes once its pattern is complete (after the record that
 * completed it, within the reorder tolerance). Parallel and sequential runs give the same findings
 * in the same order.
 */
public interface DetectionEngine {

  /** Evaluates every record and hands each finding to the sink, on the calling thread. */
  DetectionSummary run(Iterator<CloudTrailRecord> records, Consumer<Finding> sink) throws DetectionException;

  /**
   * Fills the correlation history from earlier records without reporting findings (what
   * {@code --history} does with earlier logs).
   */
  void learnHistory(Iterator<CloudTrailRecord> records) throws DetectionException;

  /** The embedded Rego engine over the library. */
  static DetectionEngine embedded(RuleLibrary library, DetectionOptions options) {
    return new PipelineEngine(library, new EmbeddedEvaluator(library, options.evalOptions()), options);
  }

  /** Any evaluator (for example a remote OPA) with the same pipeline, correlation and enrichment. */
  static DetectionEngine using(RuleLibrary library, RecordEvaluator evaluator, DetectionOptions options) {
    return new PipelineEngine(library, evaluator, options);
  }
}

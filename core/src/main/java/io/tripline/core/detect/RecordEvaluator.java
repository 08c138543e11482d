package io.tripline.core.detect;

import io.tripline.rego.value.Value;
import java.util.List;

/**
 * Evaluates the library's rules: per record (record rules' {@code alert}, correlation rules'
 * {@code match}) and per batch (a correlation rule's {@code alert}). The embedded Rego engine and
 * a remote OPA implement it; implementations are thread-safe.
 */
public interface RecordEvaluator extends AutoCloseable {

  /** One verdict per input, in order. */
  List<RecordVerdict> evaluate(List<Value> inputs) throws DetectionException;

  /** The verdict for one input. */
  default RecordVerdict evaluate(Value input) throws DetectionException {
    return evaluate(List.of(input)).get(0);
  }

  /**
   * Whether the rules run elsewhere (an OPA server): records then go in batches of
   * {@link DetectionOptions#chunkSize()}; a local evaluator gets each record as it is read when
   * the engine runs on one thread.
   */
  default boolean remote() {
    return false;
  }

  /**
   * The alerts of a correlation rule for one batch ({@code {records, group, window, history}}).
   * A rule that fails on the batch gives a verdict with the error, not an exception.
   */
  BatchVerdict alerts(RuleInfo rule, Value batch) throws DetectionException;

  /**
   * Correlation rules whose {@code match} {@link #evaluate} leaves out, in library order: the
   * engine asks {@link #match} for the records that need it (the embedded engine defers
   * {@code new_value} rules, whose match holds for nearly every record but matters only for
   * records with a new value). None by default.
   */
  default List<RuleInfo> deferred() {
    return List.of();
  }

  /** A deferred rule's {@code match} for one input; an evaluation error is in the verdict. */
  default MatchVerdict match(RuleInfo rule, Value input) throws DetectionException {
    throw new IllegalArgumentException("rule " + rule.id() + " is not deferred");
  }

  /** Whether a deferred rule's match holds, or the error it ended in. */
  record MatchVerdict(boolean matched, String error) {}

  /** A correlation rule's alerts for one batch, or the error it ended in. */
  record BatchVerdict(List<Value> alerts, String error) {}

  @Override
  default void close() {}

  /** The embedded Rego engine over the library (prepared once; share it across runs). */
  static RecordEvaluator embedded(RuleLibrary library, io.tripline.rego.EvalOptions options) {
    return new EmbeddedEvaluator(library, options);
  }
}

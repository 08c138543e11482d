package io.tripline.rego.builtins;

import java.util.function.Supplier;

/** What a builtin may use from the evaluation that calls it. One instance per query evaluation. */
public interface BuiltinContext {

  /** The time of this evaluation in nanoseconds since the epoch; fixed for the whole query. */
  long nowNanos();

  /** Sends one line of {@code print} output to the configured hook. */
  void print(String line);

  /**
   * Stops a long-running builtin when the evaluation's deadline has passed or it was cancelled
   * (throws the evaluation's cancel error); cheap, call it every so often in loops.
   */
  default void checkCancelled() {}

  /** Whether builtin errors stop evaluation (OPA's strict-builtin-errors). */
  boolean strictErrors();

  /** A value cached for the duration of this query (compiled regexes, parsed layouts, ...). */
  <T> T cached(Object key, Supplier<T> compute);

  /**
   * Whether network builtins ({@code http.send}, {@code net.lookup_ip_addr}) may reach the
   * network in this evaluation ({@code --allow-net}). Off unless the evaluation turns it on.
   */
  default boolean allowNet() {
    return false;
  }

  /**
   * What {@code opa.runtime()} returns. OPA returns {@code {}} when the evaluation has no runtime
   * (the embedded case); a runtime may supply {@code {"env": {...}, "version": ..., "commit": ...}}.
   */
  default io.tripline.rego.value.ObjectValue runtime() {
    return io.tripline.rego.value.ObjectValue.EMPTY;
  }

  /** {@code rego.metadata.chain()}: the annotation chain of the rule being evaluated ({@code []} outside rules). */
  default io.tripline.rego.value.Value metadataChain() {
    return io.tripline.rego.value.ArrayValue.EMPTY;
  }

  /** {@code rego.metadata.rule()}: the annotations of the rule being evaluated ({@code {}} when none). */
  default io.tripline.rego.value.Value metadataRule() {
    return io.tripline.rego.value.ObjectValue.EMPTY;
  }
}

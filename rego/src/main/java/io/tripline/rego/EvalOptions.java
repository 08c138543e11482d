package io.tripline.rego;

import io.tripline.rego.eval.Cancellation;
import io.tripline.rego.eval.EvalTracer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Options of one evaluation: strict builtin errors (a builtin error stops evaluation instead
 * of making the expression undefined), where {@code print} output goes (null: discarded), an
 * optional tracer, whether network builtins may reach the network ({@code --allow-net}, off by
 * default), whether rule indexing skips rules whose indexed input conditions cannot hold
 * (on by default; results are the same either way), a wall-clock {@code timeout} for the whole
 * evaluation ({@code opa eval --timeout}; null: none), a {@code ruleTimeout} for each document of
 * a {@link PreparedDocuments} evaluation (a budget per rule and record: a document that exceeds
 * it is reported and the others still evaluate; null: none) and a {@link Cancellation} another
 * thread may trigger (null: none). Timeouts and cancellation end evaluation with
 * {@code eval_cancel_error}.
 */
public record EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook, EvalTracer tracer,
    boolean allowNet, boolean ruleIndexing, Duration timeout, Duration ruleTimeout, Cancellation cancellation) {
  public static final EvalOptions DEFAULT = new EvalOptions(false, null);

  public EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook) {
    this(strictBuiltinErrors, printHook, null);
  }

  public EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook, EvalTracer tracer) {
    this(strictBuiltinErrors, printHook, tracer, false, true);
  }

  public EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook, EvalTracer tracer, boolean allowNet,
      boolean ruleIndexing) {
    this(strictBuiltinErrors, printHook, tracer, allowNet, ruleIndexing, null, null, null);
  }

  public EvalOptions strict(boolean strict) {
    return new EvalOptions(strict, printHook, tracer, allowNet, ruleIndexing, timeout, ruleTimeout, cancellation);
  }

  public EvalOptions print(Consumer<String> hook) {
    return new EvalOptions(strictBuiltinErrors, hook, tracer, allowNet, ruleIndexing, timeout, ruleTimeout, cancellation);
  }

  /** Observes evaluated expressions and succeeded rules (coverage); null, the default, costs nothing. */
  public EvalOptions trace(EvalTracer t) {
    return new EvalOptions(strictBuiltinErrors, printHook, t, allowNet, ruleIndexing, timeout, ruleTimeout, cancellation);
  }

  /** Lets {@code http.send} and {@code net.lookup_ip_addr} reach the network. */
  public EvalOptions allowNet(boolean allow) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allow, ruleIndexing, timeout, ruleTimeout, cancellation);
  }

  /** Turns rule indexing on (the default) or off, e.g. to measure it. */
  public EvalOptions ruleIndexing(boolean on) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allowNet, on, timeout, ruleTimeout, cancellation);
  }

  /** A wall-clock limit for each evaluation with these options (null or zero: none). */
  public EvalOptions timeout(Duration d) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allowNet, ruleIndexing, positive(d), ruleTimeout,
        cancellation);
  }

  /** A wall-clock limit for each document (rule) of a {@link PreparedDocuments} evaluation (null or zero: none). */
  public EvalOptions ruleTimeout(Duration d) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allowNet, ruleIndexing, timeout, positive(d),
        cancellation);
  }

  /** Evaluations with these options stop with {@code eval_cancel_error} once {@code c} is cancelled. */
  public EvalOptions cancellation(Cancellation c) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allowNet, ruleIndexing, timeout, ruleTimeout, c);
  }

  private static Duration positive(Duration d) {
    return d == null || d.isZero() || d.isNegative() ? null : d;
  }
}

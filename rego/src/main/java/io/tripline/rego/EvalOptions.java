package io.tripline.rego;

import io.tripline.rego.eval.EvalTracer;
import java.util.function.Consumer;

/**
 * Options of one evaluation: strict builtin errors (a builtin error stops evaluation instead
 * of making the expression undefined) and where {@code print} output goes (null: discarded).
 */
public record EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook, EvalTracer tracer) {
  public static final EvalOptions DEFAULT = new EvalOptions(false, null);

  public EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook) {
    this(strictBuiltinErrors, printHook, null);
  }

  public EvalOptions strict(boolean strict) {
    return new EvalOptions(strict, printHook, tracer);
  }

  public EvalOptions print(Consumer<String> hook) {
    return new EvalOptions(strictBuiltinErrors, hook, tracer);
  }

  /** Observes evaluated expressions and succeeded rules (coverage); null, the default, costs nothing. */
  public EvalOptions trace(EvalTracer t) {
    return new EvalOptions(strictBuiltinErrors, printHook, t);
  }
}

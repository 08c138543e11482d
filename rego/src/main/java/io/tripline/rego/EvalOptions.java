package io.tripline.rego;

import java.util.function.Consumer;

/**
 * Options of one evaluation: strict builtin errors (a builtin error stops evaluation instead
 * of making the expression undefined) and where {@code print} output goes (null: discarded).
 */
public record EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook) {
  public static final EvalOptions DEFAULT = new EvalOptions(false, null);

  public EvalOptions strict(boolean strict) {
    return new EvalOptions(strict, printHook);
  }

  public EvalOptions print(Consumer<String> hook) {
    return new EvalOptions(strictBuiltinErrors, hook);
  }
}

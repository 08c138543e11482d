package io.tripline.rego;

import io.tripline.rego.eval.EvalTracer;
import java.util.function.Consumer;

/**
 * Options of one evaluation: strict builtin errors (a builtin error stops evaluation instead
 * of making the expression undefined), where {@code print} output goes (null: discarded), an
 * optional tracer, whether network builtins may reach the network ({@code --allow-net}, off by
 * default) and whether rule indexing skips rules whose indexed input conditions cannot hold
 * (on by default; results are the same either way).
 */
public record EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook, EvalTracer tracer,
    boolean allowNet, boolean ruleIndexing) {
  public static final EvalOptions DEFAULT = new EvalOptions(false, null);

  public EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook) {
    this(strictBuiltinErrors, printHook, null);
  }

  public EvalOptions(boolean strictBuiltinErrors, Consumer<String> printHook, EvalTracer tracer) {
    this(strictBuiltinErrors, printHook, tracer, false, true);
  }

  public EvalOptions strict(boolean strict) {
    return new EvalOptions(strict, printHook, tracer, allowNet, ruleIndexing);
  }

  public EvalOptions print(Consumer<String> hook) {
    return new EvalOptions(strictBuiltinErrors, hook, tracer, allowNet, ruleIndexing);
  }

  /** Observes evaluated expressions and succeeded rules (coverage); null, the default, costs nothing. */
  public EvalOptions trace(EvalTracer t) {
    return new EvalOptions(strictBuiltinErrors, printHook, t, allowNet, ruleIndexing);
  }

  /** Lets {@code http.send} and {@code net.lookup_ip_addr} reach the network. */
  public EvalOptions allowNet(boolean allow) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allow, ruleIndexing);
  }

  /** Turns rule indexing on (the default) or off, e.g. to measure it. */
  public EvalOptions ruleIndexing(boolean on) {
    return new EvalOptions(strictBuiltinErrors, printHook, tracer, allowNet, on);
  }
}

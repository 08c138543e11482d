package io.tripline.rego.builtins;

import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A builtin context for one test "query": fixed clock, per-instance cache; calls builtins by name with JSON operands. */
final class FixedContext implements BuiltinContext {
  private final BuiltinTable table = BuiltinTable.standard();
  private final Map<Object, Object> cache = new HashMap<>();
  private final long now;
  private final boolean allowNet;

  FixedContext() {
    this(1_700_000_000_000_000_000L);
  }

  FixedContext(long nowNanos) {
    this(nowNanos, false);
  }

  private FixedContext(long nowNanos, boolean allowNet) {
    this.now = nowNanos;
    this.allowNet = allowNet;
  }

  /** A context whose evaluation may use the network, as --allow-net allows. */
  static FixedContext withNetwork() {
    return new FixedContext(1_700_000_000_000_000_000L, true);
  }

  @Override
  public boolean allowNet() {
    return allowNet;
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public void print(String line) {}

  @Override
  public boolean strictErrors() {
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T cached(Object key, Supplier<T> compute) {
    Object v = cache.get(key);
    if (v == null) {
      v = compute.get();
      cache.put(key, v);
    }
    return (T) v;
  }

  /** Calls a builtin with operands written as JSON; null means undefined. */
  Value call(String name, String... jsonOperands) {
    return callValues(name, Arrays.stream(jsonOperands).map(ValueJson::parseJson).toList());
  }

  Value callValues(String name, List<Value> operands) {
    Builtin b = table.get(name);
    if (b == null) {
      throw new AssertionError("no builtin " + name);
    }
    return b.call(this, operands);
  }

  /** All results of a relation builtin. */
  List<Value> all(String name, Value... operands) {
    List<Value> out = new java.util.ArrayList<>();
    table.get(name).each(this, List.of(operands), v -> {
      out.add(v);
      return true;
    });
    return out;
  }

  /** The JSON text of a builtin's result, or "undefined". */
  String resultJson(String name, String... jsonOperands) {
    Value v = call(name, jsonOperands);
    return v == null ? "undefined" : ValueJson.write(v);
  }

  static Value json(String text) {
    return ValueJson.parseJson(text);
  }

  /** A Rego string operand written as JSON. */
  static String str(String s) {
    return ValueJson.quote(s);
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A builtin context for tests: a fixed clock, a per-instance cache, and JSON-argument calls. */
final class QueryContext implements BuiltinContext {
  private final BuiltinTable table = BuiltinTable.standard();
  private final Map<Object, Object> cache = new HashMap<>();
  private final long now;

  QueryContext(long nowNanos) {
    this.now = nowNanos;
  }

  QueryContext() {
    this(1_700_000_000_123_456_789L);
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

  /** Calls a builtin with operands written as JSON. */
  Value call(String name, String... jsonOperands) {
    List<Value> args = Arrays.stream(jsonOperands).map(ValueJson::parseJson).toList();
    return callValues(name, args);
  }

  Value callValues(String name, List<Value> args) {
    Builtin b = table.get(name);
    if (b == null) {
      throw new AssertionError("no builtin " + name);
    }
    return b.call(this, args);
  }

  /** The JSON text of a builtin's result, or "undefined". */
  String json(String name, String... jsonOperands) {
    Value v = call(name, jsonOperands);
    return v == null ? "undefined" : ValueJson.write(v);
  }

  static String str(String s) {
    return ValueJson.quote(s);
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ValueOrder;

/** {@code == != < <= > >=}: OPA compares any two values in its canonical order. */
final class ComparisonBuiltins {
  private ComparisonBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature sig = Signature.of(Type.BOOLEAN, Type.ANY, Type.ANY);
    t.function("equal", sig, (c, a) -> BooleanValue.of(a.get(0).equals(a.get(1))));
    t.function("neq", sig, (c, a) -> BooleanValue.of(!a.get(0).equals(a.get(1))));
    t.function("lt", sig, (c, a) -> BooleanValue.of(ValueOrder.order(a.get(0), a.get(1)) < 0));
    t.function("lte", sig, (c, a) -> BooleanValue.of(ValueOrder.order(a.get(0), a.get(1)) <= 0));
    t.function("gt", sig, (c, a) -> BooleanValue.of(ValueOrder.order(a.get(0), a.get(1)) > 0));
    t.function("gte", sig, (c, a) -> BooleanValue.of(ValueOrder.order(a.get(0), a.get(1)) >= 0));
  }
}

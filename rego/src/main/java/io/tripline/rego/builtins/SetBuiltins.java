package io.tripline.rego.builtins;

import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;

/**
 * {@code |} (or) and {@code &} (and) on sets, {@code intersection} and {@code union} of a set of
 * sets; {@code -} is in {@link ArithmeticBuiltins}.
 */
final class SetBuiltins {
  private SetBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature sig = Signature.of(Type.SET, Type.SET, Type.SET);
    t.function("or", sig, (c, a) -> a.set(0).union(a.set(1)));
    t.function("and", sig, (c, a) -> a.set(0).intersect(a.set(1)));
    Signature ofSets = Signature.of(Type.SET, Type.setOf(Type.SET));
    t.function("intersection", ofSets, (c, a) -> combine(a, true));
    t.function("union", ofSets, (c, a) -> combine(a, false));
  }

  private static SetValue combine(Arguments a, boolean intersect) {
    SetValue sets = a.set(0);
    SetValue result = null;
    for (Value v : sets.elements()) {
      if (!(v instanceof SetValue s)) {
        throw BuiltinException.operandType(a.builtin(), 1, "set", v.typeName());
      }
      result = result == null ? s : intersect ? result.intersect(s) : result.union(s);
    }
    return result == null ? SetValue.EMPTY : result;
  }
}

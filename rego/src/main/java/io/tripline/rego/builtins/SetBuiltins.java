package io.tripline.rego.builtins;

/** {@code |} (or) and {@code &} (and) on sets; {@code -} is in {@link ArithmeticBuiltins}. */
final class SetBuiltins {
  private SetBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature sig = Signature.of(Type.SET, Type.SET, Type.SET);
    t.function("or", sig, (c, a) -> a.set(0).union(a.set(1)));
    t.function("and", sig, (c, a) -> a.set(0).intersect(a.set(1)));
  }
}

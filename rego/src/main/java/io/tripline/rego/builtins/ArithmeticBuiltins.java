package io.tripline.rego.builtins;

import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code + - * / %} and rounding, with OPA's integer/float behaviour; {@code -} also on sets. */
final class ArithmeticBuiltins {
  private ArithmeticBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature binary = Signature.of(Type.NUMBER, Type.NUMBER, Type.NUMBER);
    Signature unary = Signature.of(Type.NUMBER, Type.NUMBER);
    t.function("plus", binary, (c, a) -> a.number(0).add(a.number(1)));
    t.function("mul", binary, (c, a) -> a.number(0).multiply(a.number(1)));
    t.function("div", binary, (c, a) -> {
      NumberValue r = a.number(0).divide(a.number(1));
      if (r == null) {
        throw a.error("divide by zero");
      }
      return r;
    });
    t.function("rem", binary, (c, a) -> {
      NumberValue x = a.number(0);
      NumberValue y = a.number(1);
      if (!x.isInteger() || !y.isInteger()) {
        throw a.error("modulo on floating-point number");
      }
      if (y.signum() == 0) {
        throw a.error("modulo by zero");
      }
      return x.remainder(y);
    });
    Type numberOrSet = Type.anyOf(Type.NUMBER, Type.SET);
    t.function("minus", Signature.of(numberOrSet, numberOrSet, numberOrSet), ArithmeticBuiltins::minus);
    t.function("abs", unary, (c, a) -> a.number(0).signum() < 0 ? a.number(0).negate() : a.number(0));
    t.function("round", unary, (c, a) -> rounded(a.number(0), RoundingMode.HALF_UP));
    t.function("ceil", unary, (c, a) -> rounded(a.number(0), RoundingMode.CEILING));
    t.function("floor", unary, (c, a) -> rounded(a.number(0), RoundingMode.FLOOR));
  }

  private static Value minus(BuiltinContext c, Arguments a) {
    Value x = a.get(0);
    Value y = a.get(1);
    if (x instanceof NumberValue n) {
      return n.subtract(a.number(1));
    }
    if (x instanceof SetValue s) {
      return s.difference(a.set(1));
    }
    if (y instanceof NumberValue || y instanceof SetValue) {
      throw a.typeError(0, y.typeName());
    }
    throw a.typeError(0, "one of {number, set}");
  }

  private static NumberValue rounded(NumberValue n, RoundingMode mode) {
    if (n.isInteger()) {
      return n;
    }
    BigDecimal r = n.toBigDecimal().setScale(0, mode);
    return NumberValue.of(r);
  }
}

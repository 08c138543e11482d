package io.tripline.rego.builtins;

import io.tripline.rego.value.NumberValue;
import java.math.BigInteger;
import java.util.function.BinaryOperator;

/** {@code bits.*}: bitwise operations on integers of any size, as OPA's bits.go. */
final class BitsBuiltins {
  /** Results of {@code bits.lsh} are capped (a shift by 2^31 would need 256 MB). */
  static final int MAX_BITS = 1 << 20;

  private BitsBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    binary(t, "bits.or", BigInteger::or);
    binary(t, "bits.and", BigInteger::and);
    binary(t, "bits.xor", BigInteger::xor);
    t.function("bits.negate", Signature.of(Type.NUMBER, Type.NUMBER), (c, a) -> NumberValue.of(a.bigInteger(0).not()));
    t.function("bits.lsh", Signature.of(Type.NUMBER, Type.NUMBER, Type.NUMBER), (c, a) -> {
      BigInteger x = a.bigInteger(0);
      int shift = shift(a);
      if (x.signum() != 0 && (long) x.bitLength() + shift > MAX_BITS) {
        throw a.error("result would have more than " + MAX_BITS + " bits (shift of " + shift + ")");
      }
      return NumberValue.of(x.shiftLeft(shift));
    });
    t.function("bits.rsh", Signature.of(Type.NUMBER, Type.NUMBER, Type.NUMBER),
        (c, a) -> NumberValue.of(a.bigInteger(0).shiftRight(shift(a))));
  }

  private static void binary(BuiltinTable.Builder t, String name, BinaryOperator<BigInteger> op) {
    t.function(name, Signature.of(Type.NUMBER, Type.NUMBER, Type.NUMBER),
        (c, a) -> NumberValue.of(op.apply(a.bigInteger(0), a.bigInteger(1))));
  }

  private static int shift(Arguments a) {
    BigInteger s = a.bigInteger(1);
    if (s.signum() < 0) {
      throw new BuiltinException(BuiltinException.TYPE_ERROR,
          a.builtin() + ": operand 2 must be an unsigned integer number but got a negative integer");
    }
    if (s.bitLength() > 31) {
      throw a.error("shift amount too large");
    }
    return s.intValue();
  }
}

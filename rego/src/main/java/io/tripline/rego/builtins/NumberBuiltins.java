package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.Value;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** {@code numbers.range}, {@code numbers.range_step} and {@code rand.intn} (OPA's numbers.go). */
final class NumberBuiltins {
  /** Ranges longer than this are refused rather than exhausting memory. */
  static final long MAX_RANGE = 1_000_000L;

  private NumberBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type numbers = Type.arrayOf(Type.NUMBER);
    t.function("numbers.range", Signature.of(numbers, Type.NUMBER, Type.NUMBER),
        (c, a) -> range(c, a, a.bigInteger(0), a.bigInteger(1), BigInteger.ONE));
    t.function("numbers.range_step", Signature.of(numbers, Type.NUMBER, Type.NUMBER, Type.NUMBER), (c, a) -> {
      BigInteger from = a.bigInteger(0);
      BigInteger to = a.bigInteger(1);
      BigInteger step = a.bigInteger(2);
      if (step.signum() <= 0) {
        throw a.error("step must be a positive integer");
      }
      return range(c, a, from, to, step);
    });
    t.function("rand.intn", Signature.of(Type.NUMBER, Type.STRING, Type.NUMBER), NumberBuiltins::randIntn);
  }

  private static Value range(BuiltinContext c, Arguments a, BigInteger from, BigInteger to, BigInteger step) {
    BigInteger span = to.subtract(from).abs().divide(step);
    if (span.compareTo(BigInteger.valueOf(MAX_RANGE)) >= 0) {
      throw a.error("range of " + span.add(BigInteger.ONE) + " numbers is more than the limit of " + MAX_RANGE
          + "; iterate over a smaller range");
    }
    c.checkCancelled();
    boolean up = from.compareTo(to) <= 0;
    List<Value> out = new ArrayList<>(span.intValue() + 1);
    for (BigInteger i = from; up ? i.compareTo(to) <= 0 : i.compareTo(to) >= 0; i = up ? i.add(step) : i.subtract(step)) {
      out.add(NumberValue.of(i));
    }
    return ArrayValue.of(out);
  }

  /**
   * A random integer in [0, |n|), the same for the same (str, n) throughout one query, as OPA
   * caches it per evaluation.
   */
  private static Value randIntn(BuiltinContext c, Arguments a) {
    String seed = a.string(0);
    int n = a.integer(1);
    if (n == 0) {
      return NumberValue.ZERO;
    }
    int bound = Math.abs(n);
    return c.cached(new RandKey(seed, bound), () -> NumberValue.of(new SecureRandom().nextInt(bound)));
  }

  private record RandKey(String seed, int n) {}
}

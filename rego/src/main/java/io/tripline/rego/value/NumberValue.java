package io.tripline.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An arbitrary-precision number with OPA's behaviour: {@code 1 == 1.0}, integers of any size,
 * integer arithmetic stays integral, division that does not divide evenly yields a float.
 * Integers that fit a {@code long} take a fast path; everything else is a normalised BigDecimal.
 */
public final class NumberValue implements Value {
  public static final NumberValue ZERO = new NumberValue(0, null);
  public static final NumberValue ONE = new NumberValue(1, null);
  private static final NumberValue[] SMALL = new NumberValue[256];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new NumberValue(i - 128, null);
    }
  }

  private final long small;
  private final BigDecimal big; // null: the value is `small`; otherwise stripped of trailing zeros
  private int hash;

  private NumberValue(long small, BigDecimal big) {
    this.small = small;
    this.big = big;
  }

  public static NumberValue of(long v) {
    return v >= -128 && v < 128 ? SMALL[(int) v + 128] : new NumberValue(v, null);
  }

  public static NumberValue of(BigInteger v) {
    return v.bitLength() < 64 ? of(v.longValue()) : new NumberValue(0, new BigDecimal(v));
  }

  public static NumberValue of(BigDecimal v) {
    if (v.signum() == 0) {
      return ZERO;
    }
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() <= 0 && s.precision() - s.scale() <= 19) {
      // decide by magnitude, not digit count: 19-digit integers may or may not fit a long
      BigInteger i = s.toBigIntegerExact();
      if (i.bitLength() < 64) {
        return of(i.longValue());
      }
    }
    if (s.scale() < 0 && s.scale() > -400) {
      s = s.setScale(0);
    }
    return new NumberValue(0, s);
  }

  public static NumberValue of(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new ArithmeticException("number is not finite: " + d);
    }
    return of(new BigDecimal(Double.toString(d)));
  }

  /** Parses a JSON/Rego number literal; null when it is not one. */
  public static NumberValue parse(String text) {
    try {
      if (text.length() < 18 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
        return of(Long.parseLong(text));
      }
      return of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public boolean isInteger() {
    return big == null || big.scale() <= 0;
  }

  /** True when this is an integer within the range of a long. */
  public boolean isLong() {
    return big == null;
  }

  public long longValue() {
    return big == null ? small : big.longValue();
  }

  /** The value as an int when it is an integer in int range, else null. */
  public Integer intValueExact() {
    if (big == null && small >= Integer.MIN_VALUE && small <= Integer.MAX_VALUE) {
      return (int) small;
    }
    return null;
  }

  public double doubleValue() {
    return big == null ? small : big.doubleValue();
  }

  public BigDecimal toBigDecimal() {
    return big == null ? BigDecimal.valueOf(small) : big;
  }

  public BigInteger toBigInteger() {
    return big == null ? BigInteger.valueOf(small) : big.toBigInteger();
  }

  public int signum() {
    return big == null ? Long.signum(small) : big.signum();
  }

  public NumberValue add(NumberValue o) {
    if (big == null && o.big == null) {
      long r = small + o.small;
      if (((small ^ r) & (o.small ^ r)) >= 0) {
        return of(r);
      }
    }
    return of(toBigDecimal().add(o.toBigDecimal()));
  }

  public NumberValue subtract(NumberValue o) {
    if (big == null && o.big == null) {
      long r = small - o.small;
      if (((small ^ o.small) & (small ^ r)) >= 0) {
        return of(r);
      }
    }
    return of(toBigDecimal().subtract(o.toBigDecimal()));
  }

  public NumberValue multiply(NumberValue o) {
    if (big == null && o.big == null) {
      long hi = Math.multiplyHigh(small, o.small);
      long lo = small * o.small;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return of(lo);
      }
    }
    return of(toBigDecimal().multiply(o.toBigDecimal()));
  }

  /** Division as OPA: exact when it divides evenly, otherwise a float; null on division by zero. */
  public NumberValue divide(NumberValue o) {
    if (o.signum() == 0) {
      return null;
    }
    if (big == null && o.big == null && small % o.small == 0 && !(small == Long.MIN_VALUE && o.small == -1)) {
      return of(small / o.small);
    }
    BigDecimal a = toBigDecimal();
    BigDecimal b = o.toBigDecimal();
    try {
      return of(a.divide(b));
    } catch (ArithmeticException nonTerminating) {
      double d = a.doubleValue() / b.doubleValue();
      if (!Double.isInfinite(d) && d != 0) {
        return of(d);
      }
      return of(a.divide(b, new MathContext(17, RoundingMode.HALF_EVEN)));
    }
  }

  /** Integer remainder (sign of the dividend, as Go); null on modulo by zero or non-integers. */
  public NumberValue remainder(NumberValue o) {
    if (!isInteger() || !o.isInteger() || o.signum() == 0) {
      return null;
    }
    if (big == null && o.big == null) {
      return of(o.small == -1 ? 0 : small % o.small);
    }
    return of(toBigInteger().remainder(o.toBigInteger()));
  }

  public NumberValue negate() {
    return big == null && small != Long.MIN_VALUE ? of(-small) : of(toBigDecimal().negate());
  }

  public int compareNumber(NumberValue o) {
    if (big == null && o.big == null) {
      return Long.compare(small, o.small);
    }
    return toBigDecimal().compareTo(o.toBigDecimal());
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public int typeRank() {
    return 2;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof NumberValue n)) {
      return false;
    }
    if (big == null && n.big == null) {
      return small == n.small;
    }
    return big != null && n.big != null && big.compareTo(n.big) == 0;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = big == null ? Long.hashCode(small) : big.hashCode();
      h = h * 31 + 2;
      hash = h;
    }
    return h;
  }

  /** The number as OPA prints it in JSON: integers plainly, others in shortest decimal form. */
  @Override
  public String toString() {
    if (big == null) {
      return Long.toString(small);
    }
    if (big.scale() <= 0) {
      return big.toBigInteger().toString();
    }
    int exp = big.precision() - big.scale() - 1;
    if (exp < -6 || exp >= 21) {
      return big.toString().replace("E+", "e+").replace("E-", "e-");
    }
    return big.toPlainString();
  }
}

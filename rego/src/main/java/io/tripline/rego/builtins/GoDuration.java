package io.tripline.rego.builtins;

import java.math.BigInteger;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}: a signed sequence of decimal numbers with optional fractions
 * and a unit each ({@code "1h30m"}, {@code "-1.5s"}, {@code "300µs"}), in nanoseconds, with Go's
 * error messages.
 */
final class GoDuration {
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);

  private GoDuration() {}

  /** Nanoseconds; IllegalArgumentException with Go's message. */
  static long parse(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    BigInteger d = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        throw invalid(orig);
      }
      int start = i;
      BigInteger v = BigInteger.ZERO;
      while (i < s.length() && isDigit(s.charAt(i))) {
        v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
        if (v.compareTo(LIMIT) >= 0) {
          throw invalid(orig);
        }
        i++;
      }
      boolean pre = i != start;
      long f = 0;
      double scale = 1;
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        boolean overflow = false;
        while (i < s.length() && isDigit(s.charAt(i))) {
          if (!overflow) {
            if (f > (Long.MAX_VALUE - 9) / 10) {
              overflow = true;
            } else {
              f = f * 10 + (s.charAt(i) - '0');
              scale *= 10;
            }
          }
          i++;
        }
        post = i != fracStart;
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      if (i == unitStart) {
        throw new IllegalArgumentException("time: missing unit in duration " + GoQuote.quote(orig));
      }
      String u = s.substring(unitStart, i);
      Long unit = UNITS.get(u);
      if (unit == null) {
        throw new IllegalArgumentException("time: unknown unit " + GoQuote.quote(u) + " in duration "
            + GoQuote.quote(orig));
      }
      if (v.compareTo(LIMIT.divide(BigInteger.valueOf(unit))) > 0) {
        throw invalid(orig);
      }
      v = v.multiply(BigInteger.valueOf(unit));
      if (f > 0) {
        v = v.add(BigInteger.valueOf((long) (f * (unit / scale))));
        if (v.compareTo(LIMIT) > 0) {
          throw invalid(orig);
        }
      }
      d = d.add(v);
      if (d.compareTo(LIMIT) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return d.negate().longValue();
    }
    if (d.compareTo(LIMIT) >= 0) {
      throw invalid(orig);
    }
    return d.longValue();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String orig) {
    return new IllegalArgumentException("time: invalid duration " + GoQuote.quote(orig));
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} as OPA's {@code sprintf} drives it: integers are passed as Go ints,
 * other numbers as float64, strings as strings, everything else as its Rego text.
 */
public final class GoFormat {
  /** Go's fmt refuses widths and precisions above a million (tooLarge), which bounds the output. */
  private static final int TOO_LARGE = 1_000_000;

  private GoFormat() {}

  public static String sprintf(String format, List<Value> args) {
    StringBuilder out = new StringBuilder();
    int argi = 0;
    boolean reordered = false;
    int n = format.length();
    for (int i = 0; i < n; i++) {
      char ch = format.charAt(i);
      if (ch != '%') {
        out.append(ch);
        continue;
      }
      int j = i + 1;
      boolean minus = false;
      boolean plus = false;
      boolean zero = false;
      boolean space = false;
      boolean sharp = false;
      for (; j < n; j++) {
        char f = format.charAt(j);
        if (f == '-') {
          minus = true;
        } else if (f == '+') {
          plus = true;
        } else if (f == '0') {
          zero = true;
        } else if (f == ' ') {
          space = true;
        } else if (f == '#') {
          sharp = true;
        } else {
          break;
        }
      }
      boolean badIndex = false;
      int[] index = argIndex(format, j, args.size());
      if (index != null) {
        reordered = true;
        j = index[1];
        if (index[0] < 0) {
          badIndex = true;
        } else {
          argi = index[0];
        }
      }
      int width = -1;
      boolean badWidth = false;
      if (j < n && format.charAt(j) == '*') {
        j++;
        Integer w = argi < args.size() ? intArg(args.get(argi)) : null;
        argi++;
        if (w == null || Math.abs((long) w) > TOO_LARGE) {
          badWidth = true;
        } else {
          width = Math.abs(w);
          minus |= w < 0;
        }
      }
      while (j < n && Character.isDigit(format.charAt(j))) {
        if (width > TOO_LARGE) { // Go's parsenum: a crazy long number swallows the rest of the format
          width = -1;
          j = n;
          break;
        }
        width = Math.max(width, 0) * 10 + (format.charAt(j) - '0');
        j++;
      }
      int precision = -1;
      boolean badPrecision = false;
      if (j < n && format.charAt(j) == '.') {
        j++;
        precision = 0;
        if (j < n && format.charAt(j) == '*') {
          j++;
          Integer p = argi < args.size() ? intArg(args.get(argi)) : null;
          argi++;
          if (p == null || p < 0 || p > TOO_LARGE) {
            badPrecision = true;
            precision = -1;
          } else {
            precision = p;
          }
        }
        while (j < n && Character.isDigit(format.charAt(j))) {
          if (precision > TOO_LARGE) {
            precision = -1;
            j = n;
            break;
          }
          precision = precision * 10 + (format.charAt(j) - '0');
          j++;
        }
      }
      int[] verbIndex = argIndex(format, j, args.size());
      if (verbIndex != null) {
        reordered = true;
        j = verbIndex[1];
        if (verbIndex[0] < 0) {
          badIndex = true;
        } else {
          argi = verbIndex[0];
        }
      }
      if (j >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(j);
      i = j;
      if (badWidth) {
        out.append("%!(BADWIDTH)");
      }
      if (badPrecision) {
        out.append("%!(BADPREC)");
      }
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (badIndex) {
        out.append("%!").append(verb).append("(BADINDEX)");
        continue;
      }
      if (argi >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = goValue(args.get(argi++));
      String s = verb == 'T' ? goType(arg) : formatOne(verb, arg, precision, plus, space, sharp);
      // an integer with a precision pads with spaces: Go ignores the 0 flag then
      boolean zeroPad = zero && !minus && !(arg instanceof String) && !(precision >= 0 && arg instanceof BigInteger);
      out.append(pad(s, width, minus, zeroPad));
    }
    if (!reordered && argi < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argi; k < args.size(); k++) {
        if (k > argi) {
          out.append(", ");
        }
        Object a = goValue(args.get(k));
        out.append(goType(a)).append('=').append(formatOne('v', a, -1, false, false, false));
      }
      out.append(')');
    }
    return out.toString();
  }

  /** An explicit argument index {@code [n]} at j: {0-based index or -1 when bad, position after it}; null if none. */
  private static int[] argIndex(String format, int j, int count) {
    if (j >= format.length() || format.charAt(j) != '[') {
      return null;
    }
    int close = format.indexOf(']', j);
    if (close < 0) {
      return new int[] {-1, format.length()};
    }
    try {
      int idx = Integer.parseInt(format.substring(j + 1, close));
      return new int[] {idx >= 1 && idx <= count ? idx - 1 : -1, close + 1};
    } catch (NumberFormatException e) {
      return new int[] {-1, close + 1};
    }
  }

  private static Integer intArg(Value v) {
    return v instanceof NumberValue n ? n.intValueExact() : null;
  }

  private static Object goValue(Value v) {
    if (v instanceof NumberValue n) {
      if (n.isInteger()) {
        return n.toBigInteger();
      }
      return n.doubleValue();
    }
    if (v instanceof StringValue s) {
      return s.value();
    }
    return ValueText.of(v);
  }

  private static String goType(Object a) {
    if (a instanceof BigInteger b) {
      return b.bitLength() < 64 ? "int" : "*big.Int";
    }
    return a instanceof Double ? "float64" : "string";
  }

  private static String formatOne(char verb, Object arg, int precision, boolean plus, boolean space, boolean sharp) {
    if (arg instanceof BigInteger i) {
      String sign = i.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
      BigInteger abs = i.abs();
      if (verb == 's' && i.bitLength() >= 64) {
        return sign + abs.toString();
      }
      switch (verb) {
        case 'v':
        case 'd':
          return sign + digits(abs, 10, precision);
        case 'x':
          return sign + (sharp ? "0x" : "") + digits(abs, 16, precision);
        case 'X':
          return sign + (sharp ? "0X" : "") + digits(abs, 16, precision).toUpperCase();
        case 'o':
          return sign + (sharp ? "0" : "") + digits(abs, 8, precision);
        case 'b':
          return sign + digits(abs, 2, precision);
        case 'c':
          return new String(Character.toChars(i.intValue()));
        case 'q':
          return "'" + new String(Character.toChars(i.intValue())) + "'";
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'F':
        case 'G':
          return formatFloat(verb, i.doubleValue(), precision, plus, space);
        default:
          return bad(verb, arg);
      }
    }
    if (arg instanceof Double d) {
      switch (verb) {
        case 'v':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          return formatFloat(verb, d, precision, plus, space);
        default:
          return bad(verb, arg);
      }
    }
    String s = (String) arg;
    switch (verb) {
      case 'v':
      case 's':
        return precision >= 0 && precision < s.codePointCount(0, s.length())
            ? s.substring(0, s.offsetByCodePoints(0, precision))
            : s;
      case 'q':
        return StringValue.of(s).toString();
      case 'x':
        return hex(s, false);
      case 'X':
        return hex(s, true);
      default:
        return bad(verb, arg);
    }
  }

  /**
   * An integer's digits as Go's fmtInteger writes them: a precision is the minimum number of
   * digits (zero-padded; {@code %.0d} of 0 is empty).
   */
  private static String digits(BigInteger abs, int radix, int precision) {
    if (precision == 0 && abs.signum() == 0) {
      return "";
    }
    String d = abs.toString(radix);
    return d.length() >= precision ? d : "0".repeat(precision - d.length()) + d;
  }

  private static String bad(char verb, Object arg) {
    return "%!" + verb + "(" + goType(arg) + "=" + formatOne('v', arg, -1, false, false, false) + ")";
  }

  private static String hex(String s, boolean upper) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      sb.append(String.format(upper ? "%02X" : "%02x", b & 0xff));
    }
    return sb.toString();
  }

  /** Go's float verbs; %v is the shortest representation, in exponent form outside [1e-4, 1e21). */
  static String formatFloat(char verb, double d, int precision, boolean plus, boolean space) {
    String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : plus ? "+" : space ? " " : "";
    double a = Math.abs(d);
    if (Double.isInfinite(a)) {
      return sign + "Inf";
    }
    if (Double.isNaN(a)) {
      return "NaN";
    }
    BigDecimal bd = new BigDecimal(Double.toString(a));
    switch (verb) {
      case 'f':
      case 'F':
        return sign + bd.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
      case 'e':
      case 'E': {
        String s = exponent(bd, precision < 0 ? 6 : precision);
        return sign + (verb == 'E' ? s.toUpperCase() : s);
      }
      default: {
        if (a == 0) {
          return sign + "0";
        }
        BigDecimal shortest = bd.stripTrailingZeros();
        if (precision >= 0 && verb != 'v') {
          shortest = shortest.round(new java.math.MathContext(Math.max(precision, 1), RoundingMode.HALF_EVEN));
        }
        int exp = shortest.precision() - shortest.scale() - 1;
        int limit = verb == 'v' ? 21 : (precision >= 0 ? Math.max(precision, 1) : 21);
        if (exp < -4 || exp >= limit) {
          return sign + exponent(shortest, shortest.precision() - 1);
        }
        return sign + shortest.toPlainString();
      }
    }
  }

  private static String exponent(BigDecimal a, int digits) {
    if (a.signum() == 0) {
      return "0." + "0".repeat(digits) + "e+00";
    }
    int exp = a.precision() - a.scale() - 1;
    BigDecimal mant = a.movePointLeft(exp).setScale(digits, RoundingMode.HALF_EVEN);
    if (mant.compareTo(BigDecimal.TEN) >= 0) {
      exp++;
      mant = a.movePointLeft(exp).setScale(digits, RoundingMode.HALF_EVEN);
    }
    String e = String.format("%02d", Math.abs(exp));
    return mant.toPlainString() + "e" + (exp < 0 ? "-" : "+") + e;
  }

  private static String pad(String s, int width, boolean left, boolean zeros) {
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      return s;
    }
    String fill = (zeros ? "0" : " ").repeat(width - len);
    if (left) {
      return s + fill;
    }
    if (zeros && (s.startsWith("-") || s.startsWith("+"))) {
      return s.charAt(0) + fill + s.substring(1);
    }
    return fill + s;
  }
}

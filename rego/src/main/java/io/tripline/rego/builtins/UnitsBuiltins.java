package io.tripline.rego.builtins;

import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * {@code units.parse} (SI and binary SI suffixes, {@code m} for milli, case-sensitive first letter)
 * and {@code units.parse_bytes} (case-insensitive byte units, whole bytes), with OPA's messages.
 */
final class UnitsBuiltins {
  private static final int MAX_EXPONENT_DIGITS = 6;
  private static final Map<String, BigDecimal> UNITS = Map.ofEntries(
      Map.entry("m", new BigDecimal("0.001")), Map.entry("", BigDecimal.ONE),
      Map.entry("k", pow(1000, 1)), Map.entry("K", pow(1000, 1)), Map.entry("ki", pow(1024, 1)), Map.entry("Ki", pow(1024, 1)),
      Map.entry("M", pow(1000, 2)), Map.entry("mi", pow(1024, 2)), Map.entry("Mi", pow(1024, 2)),
      Map.entry("g", pow(1000, 3)), Map.entry("G", pow(1000, 3)), Map.entry("gi", pow(1024, 3)), Map.entry("Gi", pow(1024, 3)),
      Map.entry("t", pow(1000, 4)), Map.entry("T", pow(1000, 4)), Map.entry("ti", pow(1024, 4)), Map.entry("Ti", pow(1024, 4)),
      Map.entry("p", pow(1000, 5)), Map.entry("P", pow(1000, 5)), Map.entry("pi", pow(1024, 5)), Map.entry("Pi", pow(1024, 5)),
      Map.entry("e", pow(1000, 6)), Map.entry("E", pow(1000, 6)), Map.entry("ei", pow(1024, 6)), Map.entry("Ei", pow(1024, 6)));
  private static final Map<String, BigDecimal> BYTE_UNITS = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("kb", pow(1000, 1)), Map.entry("k", pow(1000, 1)), Map.entry("kib", pow(1024, 1)), Map.entry("ki", pow(1024, 1)),
      Map.entry("mb", pow(1000, 2)), Map.entry("m", pow(1000, 2)), Map.entry("mib", pow(1024, 2)), Map.entry("mi", pow(1024, 2)),
      Map.entry("gb", pow(1000, 3)), Map.entry("g", pow(1000, 3)), Map.entry("gib", pow(1024, 3)), Map.entry("gi", pow(1024, 3)),
      Map.entry("tb", pow(1000, 4)), Map.entry("t", pow(1000, 4)), Map.entry("tib", pow(1024, 4)), Map.entry("ti", pow(1024, 4)),
      Map.entry("pb", pow(1000, 5)), Map.entry("p", pow(1000, 5)), Map.entry("pib", pow(1024, 5)), Map.entry("pi", pow(1024, 5)),
      Map.entry("eb", pow(1000, 6)), Map.entry("e", pow(1000, 6)), Map.entry("eib", pow(1024, 6)), Map.entry("ei", pow(1024, 6)));

  private UnitsBuiltins() {}

  private static BigDecimal pow(int base, int n) {
    return BigDecimal.valueOf(base).pow(n);
  }

  static void register(BuiltinTable.Builder t) {
    t.function("units.parse", Signature.of(Type.NUMBER, Type.STRING), UnitsBuiltins::parse);
    t.function("units.parse_bytes", Signature.of(Type.NUMBER, Type.STRING), UnitsBuiltins::parseBytes);
  }

  private static Value parse(BuiltinContext c, Arguments a) {
    String s = a.string(0).replace("\"", "");
    String[] numUnit = split(a, s, "units.parse");
    String num = numUnit[0];
    String unit = numUnit[1];
    if (unit.length() > 1) {
      unit = unit.charAt(0) + unit.substring(1).toLowerCase(Locale.ROOT);
    }
    BigDecimal multiplier = UNITS.get(unit);
    if (multiplier == null) {
      throw failure(a, "units.parse", "unit " + unit + " not recognized");
    }
    BigDecimal n = number(num);
    if (n == null) {
      throw failure(a, "units.parse", "could not parse amount to a number");
    }
    BigDecimal r = n.multiply(multiplier);
    if (r.signum() == 0 || r.stripTrailingZeros().scale() <= 0) {
      return NumberValue.of(r);
    }
    return NumberValue.of(r.setScale(10, RoundingMode.HALF_EVEN));
  }

  private static Value parseBytes(BuiltinContext c, Arguments a) {
    String s = a.string(0).toLowerCase(Locale.ROOT).replace("\"", "");
    String[] numUnit = split(a, s, "units.parse_bytes");
    BigDecimal multiplier = BYTE_UNITS.get(numUnit[1]);
    if (multiplier == null) {
      throw failure(a, "units.parse_bytes", "byte unit " + numUnit[1] + " not recognized");
    }
    BigDecimal n = number(numUnit[0]);
    if (n == null) {
      throw failure(a, "units.parse_bytes", "could not parse byte amount to a number");
    }
    return NumberValue.of(n.multiply(multiplier).toBigInteger());
  }

  /** OPA's extractNumAndUnit, with its space and amount checks. */
  private static String[] split(Arguments a, String s, String name) {
    boolean bytes = name.equals("units.parse_bytes");
    if (s.contains(" ")) {
      throw failure(a, name, "spaces not allowed in resource strings");
    }
    int firstNonNum = -1;
    for (int i = 0; i < s.length(); i++) {
      char r = s.charAt(i);
      boolean isNum = (r >= '0' && r <= '9') || r == '.';
      if (!isNum && r != 'e' && r != 'E' && r != '+' && r != '-') {
        firstNonNum = i;
        break;
      }
      if (r == 'e' || r == 'E') {
        if (i == s.length() - 1 || !(Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '+'
            || s.charAt(i + 1) == '-')) {
          firstNonNum = i;
          break;
        }
        if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') {
          i++;
        }
        int expEnd = i + 1;
        while (expEnd < s.length() && Character.isDigit(s.charAt(expEnd))) {
          expEnd++;
        }
        if (expEnd - (i + 1) > MAX_EXPONENT_DIGITS) {
          throw failure(a, name, "exponent too large");
        }
      }
    }
    String num;
    String unit;
    if (firstNonNum == -1) {
      num = s;
      unit = "";
    } else {
      num = s.substring(0, firstNonNum);
      unit = s.substring(firstNonNum);
    }
    if (num.isEmpty()) {
      throw failure(a, name, bytes ? "no byte amount provided" : "no amount provided");
    }
    return new String[] {num, unit};
  }

  private static BigDecimal number(String num) {
    try {
      String n = num.startsWith("+") ? num.substring(1) : num;
      if (n.endsWith(".")) {
        n = n + "0";
      }
      return new BigDecimal(n);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** OPA's message carries the builtin name twice: its own prefix and the evaluator's. */
  private static BuiltinException failure(Arguments a, String name, String message) {
    return a.error(name + ": " + message);
  }
}

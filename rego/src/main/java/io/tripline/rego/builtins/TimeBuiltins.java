package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * OPA's time builtins over nanoseconds since the epoch: {@code time.now_ns}, {@code time.parse_ns}
 * (Go reference layouts), {@code time.parse_rfc3339_ns}, {@code time.parse_duration_ns},
 * {@code time.date}, {@code time.clock}, {@code time.weekday}, {@code time.add_date},
 * {@code time.diff}, {@code time.format}. Times may be given as {@code ns}, {@code [ns, tz]} or
 * (for formatting) {@code [ns, tz, layout]}, tz being an IANA name, "UTC", "" or "Local".
 */
final class TimeBuiltins {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final String TIME_OPERAND = "either number (ns) or [number (ns), string (tz)]";

  private TimeBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("time.now_ns", Signature.of(Type.NUMBER), (c, a) -> NumberValue.of(c.nowNanos()));
    t.function("time.parse_ns", Signature.of(Type.NUMBER, Type.STRING, Type.STRING), (c, a) -> {
      String layout = a.string(0);
      String value = a.string(1);
      return parsed(a, GoTimeLayout.NAMED.getOrDefault(layout, layout), value);
    });
    t.function("time.parse_rfc3339_ns", Signature.of(Type.NUMBER, Type.STRING),
        (c, a) -> parsed(a, GoTimeLayout.NAMED.get("RFC3339"), a.string(0)));
    t.function("time.parse_duration_ns", Signature.of(Type.NUMBER, Type.STRING), (c, a) -> {
      try {
        return NumberValue.of(GoDuration.parse(a.string(0)));
      } catch (IllegalArgumentException e) {
        throw a.error(e.getMessage());
      }
    });
    Type time = Type.anyOf(Type.NUMBER, Type.arrayOf(Type.ANY));
    Type numbers = Type.arrayOf(Type.NUMBER);
    t.function("time.date", Signature.of(numbers, time), (c, a) -> {
      ZonedDateTime z = zoned(a, 0);
      return ints(z.getYear(), z.getMonthValue(), z.getDayOfMonth());
    });
    t.function("time.clock", Signature.of(numbers, time), (c, a) -> {
      ZonedDateTime z = zoned(a, 0);
      return ints(z.getHour(), z.getMinute(), z.getSecond());
    });
    t.function("time.weekday", Signature.of(Type.STRING, time),
        (c, a) -> StringValue.of(GoTimeLayout.LONG_DAYS[zoned(a, 0).getDayOfWeek().getValue() % 7]));
    t.function("time.add_date", Signature.of(Type.NUMBER, time, Type.NUMBER, Type.NUMBER, Type.NUMBER),
        TimeBuiltins::addDate);
    t.function("time.diff", Signature.of(numbers, time, time), TimeBuiltins::diff);
    t.function("time.format", Signature.of(Type.STRING, time), (c, a) -> {
      ZonedDateTime z = zoned(a, 0);
      String layout = layout(a);
      if (layout.isEmpty()) {
        layout = GoTimeLayout.NAMED.get("RFC3339Nano");
      } else {
        layout = GoTimeLayout.NAMED.getOrDefault(layout, layout);
      }
      return StringValue.of(GoTimeLayout.format(z, layout));
    });
  }

  private static Value parsed(Arguments a, String layout, String value) {
    BigInteger ns;
    try {
      ns = GoTimeParser.parse(layout, value);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw a.error(e.getMessage());
    }
    return safe(a, ns);
  }

  private static Value safe(Arguments a, BigInteger ns) {
    if (ns.compareTo(MIN) < 0 || ns.compareTo(MAX) > 0) {
      throw a.error("time outside of valid range");
    }
    return NumberValue.of(ns.longValue());
  }

  private static ArrayValue ints(int... values) {
    Value[] out = new Value[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = NumberValue.of(values[i]);
    }
    return ArrayValue.of(out);
  }

  /** Operand i as a zoned time (OPA's tzTime). */
  static ZonedDateTime zoned(Arguments a, int i) {
    Value v = a.get(i);
    Value ns;
    ZoneId zone = ZoneOffset.UTC;
    if (v instanceof ArrayValue arr) {
      if (arr.isEmpty()) {
        throw OperandError.of(a, 0, "must be " + TIME_OPERAND + " but got array");
      }
      ns = arr.get(0);
      if (!(ns instanceof NumberValue)) {
        throw OperandError.of(a, 0, "must be number but got " + ns.typeName());
      }
      if (arr.size() > 1) {
        if (!(arr.get(1) instanceof StringValue tz)) {
          throw OperandError.of(a, 0, "must be string but got " + arr.get(1).typeName());
        }
        zone = zone(a, tz.value());
      }
      if (arr.size() > 2 && !(arr.get(2) instanceof StringValue)) {
        throw OperandError.of(a, 0, "must be string but got " + arr.get(2).typeName());
      }
    } else if (v instanceof NumberValue) {
      ns = v;
    } else {
      throw OperandError.of(a, 0, "must be " + TIME_OPERAND + " but got " + v.typeName());
    }
    NumberValue n = (NumberValue) ns;
    if (!n.isInteger() || n.toBigInteger().bitLength() >= 64) {
      throw a.error("timestamp too big");
    }
    long nanos = n.toBigInteger().longValue();
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    return instant.atZone(zone);
  }

  private static String layout(Arguments a) {
    if (a.get(0) instanceof ArrayValue arr && arr.size() > 2) {
      return ((StringValue) arr.get(2)).value();
    }
    return "";
  }

  private static ZoneId zone(Arguments a, String name) {
    switch (name) {
      case "", "UTC":
        return ZoneOffset.UTC;
      case "Local":
        return ZoneId.systemDefault();
      default:
        try {
          if (name.startsWith("+") || name.startsWith("-") || name.contains("..")) {
            throw new DateTimeException(name);
          }
          return ZoneId.of(name);
        } catch (DateTimeException e) {
          throw a.error("unknown time zone " + name);
        }
    }
  }

  private static Value addDate(BuiltinContext c, Arguments a) {
    ZonedDateTime t = zoned(a, 0);
    int years = OperandError.integer(a, 1);
    int months = OperandError.integer(a, 2);
    int days = OperandError.integer(a, 3);
    long totalMonths = (long) t.getYear() * 12 + (t.getMonthValue() - 1) + years * 12L + months;
    ZonedDateTime result;
    try {
      int year = Math.toIntExact(Math.floorDiv(totalMonths, 12));
      int month = (int) Math.floorMod(totalMonths, 12) + 1;
      LocalDate date = LocalDate.of(year, month, 1).plusDays(t.getDayOfMonth() - 1L + days);
      LocalDateTime local = LocalDateTime.of(date, t.toLocalTime());
      result = ZonedDateTime.ofLocal(local, t.getZone(), null);
    } catch (DateTimeException | ArithmeticException e) {
      throw a.error("time outside of valid range");
    }
    BigInteger ns = BigInteger.valueOf(result.toEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(result.getNano()));
    return safe(a, ns);
  }

  /** Years, months, days, hours, minutes, seconds between two times, in the first time's zone. */
  private static Value diff(BuiltinContext c, Arguments a) {
    ZonedDateTime t1 = zoned(a, 0);
    ZonedDateTime t2 = zoned(a, 1).withZoneSameInstant(t1.getZone());
    if (t1.isAfter(t2)) {
      ZonedDateTime x = t1;
      t1 = t2;
      t2 = x;
    }
    int year = t2.getYear() - t1.getYear();
    int month = t2.getMonthValue() - t1.getMonthValue();
    int day = t2.getDayOfMonth() - t1.getDayOfMonth();
    int hour = t2.getHour() - t1.getHour();
    int min = t2.getMinute() - t1.getMinute();
    int sec = t2.getSecond() - t1.getSecond();
    if (sec < 0) {
      sec += 60;
      min--;
    }
    if (min < 0) {
      min += 60;
      hour--;
    }
    if (hour < 0) {
      hour += 24;
      day--;
    }
    if (day < 0) {
      day += YearMonth.of(t1.getYear(), t1.getMonthValue()).lengthOfMonth();
      month--;
    }
    if (month < 0) {
      month += 12;
      year--;
    }
    return ints(year, month, day, hour, min, sec);
  }
}

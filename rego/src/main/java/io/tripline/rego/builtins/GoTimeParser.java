package io.tripline.rego.builtins;

import io.tripline.rego.builtins.GoTimeLayout.Chunk;
import io.tripline.rego.builtins.GoTimeLayout.Std;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;

/**
 * Go's {@code time.Parse(layout, value)} in UTC: the value must follow the layout element by
 * element; a zone abbreviation ({@code PST}, {@code GMT+2}) only labels the wall time, which is
 * read as UTC, as Go does for names its local zone (UTC here) does not know. Failures carry Go's
 * {@code parsing time ...} messages.
 */
final class GoTimeParser {
  private final String layout;
  private final String original;
  private String value;

  private int year;
  private int month = -1;
  private int day = -1;
  private int yday = -1;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private boolean pmSet;
  private boolean amSet;
  private Integer zoneOffset;

  private GoTimeParser(String layout, String value) {
    this.layout = layout;
    this.original = value;
    this.value = value;
  }

  /** Nanoseconds since the epoch as a BigInteger (callers check the int64 range). */
  static BigInteger parse(String layout, String value) {
    return new GoTimeParser(layout, value).run();
  }

  private BigInteger run() {
    List<Chunk> chunks = GoTimeLayout.chunks(layout);
    for (int ci = 0; ci < chunks.size(); ci++) {
      Chunk c = chunks.get(ci);
      if (c.std() == Std.LITERAL) {
        if (!value.startsWith(c.text())) {
          throw cannotParse(value, c.text());
        }
        value = value.substring(c.text().length());
        continue;
      }
      String before = value;
      String rangeError = element(c, ci + 1 < chunks.size() ? chunks.get(ci + 1).std() : null);
      if (rangeError != null) {
        throw new IllegalArgumentException("parsing time " + GoQuote.quote(original) + ": " + rangeError
            + " out of range");
      }
      if (value == null) {
        throw cannotParse(before, c.text());
      }
    }
    if (!value.isEmpty()) {
      throw new IllegalArgumentException("parsing time " + GoQuote.quote(original) + ": extra text: "
          + GoQuote.quote(value));
    }
    if (pmSet && hour < 12) {
      hour += 12;
    } else if (amSet && hour == 12) {
      hour = 0;
    }
    if (yday >= 0) {
      dayOfYear();
    } else {
      if (month < 0) {
        month = 1;
      }
      if (day < 0) {
        day = 1;
      }
    }
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      throw new IllegalArgumentException("parsing time " + GoQuote.quote(original) + ": day out of range");
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - (zoneOffset == null ? 0 : zoneOffset);
    return BigInteger.valueOf(seconds).multiply(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(nanos));
  }

  private void dayOfYear() {
    boolean leap = Year.isLeap(year);
    if (yday < 1 || yday > (leap ? 366 : 365)) {
      throw new IllegalArgumentException("parsing time " + GoQuote.quote(original) + ": day-of-year out of range");
    }
    LocalDate d = LocalDate.ofYearDay(year, yday);
    if ((month >= 0 && month != d.getMonthValue()) || (day >= 0 && day != d.getDayOfMonth())) {
      throw new IllegalArgumentException("parsing time " + GoQuote.quote(original)
          + ": day-of-year does not match month");
    }
    month = d.getMonthValue();
    day = d.getDayOfMonth();
  }

  /** Consumes one element; sets value to null when it cannot be parsed; returns a range error or null. */
  private String element(Chunk c, Std next) {
    switch (c.std()) {
      case YEAR -> {
        if (value.length() < 2 || !digits(value, 2)) {
          return fail();
        }
        int y = Integer.parseInt(value.substring(0, 2));
        year = y >= 69 ? 1900 + y : 2000 + y;
        value = value.substring(2);
      }
      case LONG_YEAR -> {
        if (value.length() < 4 || !digits(value, 4)) {
          return fail();
        }
        year = Integer.parseInt(value.substring(0, 4));
        value = value.substring(4);
      }
      case MONTH, LONG_MONTH -> {
        int m = lookup(GoTimeLayout.LONG_MONTHS, c.std() == Std.MONTH);
        if (m < 0) {
          return fail();
        }
        month = m + 1;
      }
      case NUM_MONTH, ZERO_MONTH -> {
        Integer m = number(c.std() == Std.ZERO_MONTH);
        if (m == null) {
          return fail();
        }
        if (m <= 0 || m > 12) {
          return "month";
        }
        month = m;
      }
      case WEEKDAY, LONG_WEEKDAY -> {
        if (lookup(GoTimeLayout.LONG_DAYS, c.std() == Std.WEEKDAY) < 0) {
          return fail();
        }
      }
      case DAY, UNDER_DAY, ZERO_DAY -> {
        if (c.std() == Std.UNDER_DAY && !value.isEmpty() && value.charAt(0) == ' ') {
          value = value.substring(1);
        }
        Integer d = number(c.std() == Std.ZERO_DAY);
        if (d == null) {
          return fail();
        }
        day = d;
      }
      case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
        for (int i = 0; i < 2 && c.std() == Std.UNDER_YEAR_DAY && !value.isEmpty() && value.charAt(0) == ' '; i++) {
          value = value.substring(1);
        }
        int n = 0;
        while (n < 3 && n < value.length() && Character.isDigit(value.charAt(n))) {
          n++;
        }
        if (n == 0 || (c.std() == Std.ZERO_YEAR_DAY && n < 3)) {
          return fail();
        }
        yday = Integer.parseInt(value.substring(0, n));
        value = value.substring(n);
      }
      case HOUR -> {
        Integer h = number(false);
        if (h == null) {
          return fail();
        }
        if (h < 0 || h >= 24) {
          return "hour";
        }
        hour = h;
      }
      case HOUR12, ZERO_HOUR12 -> {
        Integer h = number(c.std() == Std.ZERO_HOUR12);
        if (h == null) {
          return fail();
        }
        if (h < 0 || h > 12) {
          return "hour";
        }
        hour = h;
      }
      case MINUTE, ZERO_MINUTE -> {
        Integer m = number(c.std() == Std.ZERO_MINUTE);
        if (m == null) {
          return fail();
        }
        if (m < 0 || m >= 60) {
          return "minute";
        }
        minute = m;
      }
      case SECOND, ZERO_SECOND -> {
        Integer s = number(c.std() == Std.ZERO_SECOND);
        if (s == null) {
          return fail();
        }
        if (s < 0 || s >= 60) {
          return "second";
        }
        second = s;
        if (value.length() >= 2 && isSeparator(value.charAt(0)) && Character.isDigit(value.charAt(1))
            && next != Std.FRAC_SECOND0 && next != Std.FRAC_SECOND9) {
          int n = 2;
          while (n < value.length() && Character.isDigit(value.charAt(n))) {
            n++;
          }
          nanos = nanoseconds(value.substring(1, n));
          value = value.substring(n);
        }
      }
      case PM_UPPER, PM_LOWER -> {
        if (value.length() < 2) {
          return fail();
        }
        String p = value.substring(0, 2);
        boolean upper = c.std() == Std.PM_UPPER;
        if (p.equals(upper ? "PM" : "pm")) {
          pmSet = true;
        } else if (p.equals(upper ? "AM" : "am")) {
          amSet = true;
        } else {
          return fail();
        }
        value = value.substring(2);
      }
      case TZ -> {
        if (value.startsWith("UTC")) {
          zoneOffset = 0;
          value = value.substring(3);
        } else {
          int n = zoneNameLength(value);
          if (n <= 0) {
            return fail();
          }
          zoneOffset = 0;
          value = value.substring(n);
        }
      }
      case FRAC_SECOND0 -> {
        int n = 1 + c.digits();
        if (value.length() < n || !isSeparator(value.charAt(0)) || !digits(value.substring(1), n - 1)) {
          return fail();
        }
        nanos = nanoseconds(value.substring(1, n));
        value = value.substring(n);
      }
      case FRAC_SECOND9 -> {
        if (value.length() < 2 || !isSeparator(value.charAt(0)) || !Character.isDigit(value.charAt(1))) {
          break;
        }
        int i = 0;
        while (i + 1 < value.length() && Character.isDigit(value.charAt(i + 1))) {
          i++;
        }
        nanos = nanoseconds(value.substring(1, 1 + i));
        value = value.substring(1 + i);
      }
      default -> {
        return offset(c.std());
      }
    }
    return null;
  }

  private String offset(Std std) {
    if (std.name().startsWith("ISO8601") && value.startsWith("Z")) {
      value = value.substring(1);
      zoneOffset = 0;
      return null;
    }
    String name = std.name();
    String sign;
    String hh;
    String mm = "00";
    String ss = "00";
    if (name.endsWith("COLON_TZ")) {
      if (value.length() < 6 || value.charAt(3) != ':') {
        return fail();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(4, 6);
      value = value.substring(6);
    } else if (name.endsWith("SHORT_TZ")) {
      if (value.length() < 3) {
        return fail();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      value = value.substring(3);
    } else if (name.endsWith("COLON_SECONDS_TZ")) {
      if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
        return fail();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(4, 6);
      ss = value.substring(7, 9);
      value = value.substring(9);
    } else if (name.endsWith("SECONDS_TZ")) {
      if (value.length() < 7) {
        return fail();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(3, 5);
      ss = value.substring(5, 7);
      value = value.substring(7);
    } else {
      if (value.length() < 5) {
        return fail();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(3, 5);
      value = value.substring(5);
    }
    if (!digits(hh, 2) || !digits(mm, 2) || !digits(ss, 2) || !(sign.equals("+") || sign.equals("-"))) {
      return fail();
    }
    int h = Integer.parseInt(hh);
    int m = Integer.parseInt(mm);
    int s = Integer.parseInt(ss);
    int off = (h * 60 + m) * 60 + s;
    zoneOffset = sign.equals("-") ? -off : off;
    if (s > 60) {
      return "time zone offset second";
    }
    if (m > 60) {
      return "time zone offset minute";
    }
    if (h > 24) {
      return "time zone offset hour";
    }
    return null;
  }

  private String fail() {
    value = null;
    return null;
  }

  /** Go's getnum: one or two digits (exactly two when fixed). */
  private Integer number(boolean fixed) {
    if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
      return null;
    }
    if (value.length() < 2 || !Character.isDigit(value.charAt(1))) {
      if (fixed) {
        return null;
      }
      int v = value.charAt(0) - '0';
      value = value.substring(1);
      return v;
    }
    int v = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
    value = value.substring(2);
    return v;
  }

  /** Index of the name (or its 3-letter abbreviation) that value starts with, ignoring ASCII case. */
  private int lookup(String[] names, boolean abbreviated) {
    for (int i = 0; i < names.length; i++) {
      String n = abbreviated ? names[i].substring(0, 3) : names[i];
      if (value.length() >= n.length() && value.substring(0, n.length()).equalsIgnoreCase(n)) {
        value = value.substring(n.length());
        return i;
      }
    }
    return -1;
  }

  private static int nanoseconds(String digits) {
    String d = digits.length() > 9 ? digits.substring(0, 9) : digits;
    StringBuilder sb = new StringBuilder(d);
    while (sb.length() < 9) {
      sb.append('0');
    }
    return Integer.parseInt(sb.toString());
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == ',';
  }

  private static boolean digits(String s, int n) {
    if (s.length() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Go's parseTimeZone: the length of a zone abbreviation at the start of value, or 0. */
  private static int zoneNameLength(String value) {
    if (value.length() < 3) {
      return 0;
    }
    if (value.startsWith("ChST") || value.startsWith("MeST")) {
      return 4;
    }
    if (value.startsWith("GMT")) {
      int n = 3;
      if (value.length() > 3 && (value.charAt(3) == '+' || value.charAt(3) == '-')) {
        int j = 4;
        while (j < value.length() && Character.isDigit(value.charAt(j))) {
          j++;
        }
        if (j > 4 && Integer.parseInt(value.substring(4, j)) <= 23) {
          n = j;
        }
      }
      return n;
    }
    if (value.charAt(0) == '+' || value.charAt(0) == '-') {
      int j = 1;
      while (j < value.length() && Character.isDigit(value.charAt(j))) {
        j++;
      }
      return j == 3 || j == 5 ? j : 0;
    }
    int n = 0;
    while (n < value.length() && value.charAt(n) >= 'A' && value.charAt(n) <= 'Z') {
      n++;
    }
    if (n == 3) {
      return 3;
    }
    if ((n == 4 || n == 5) && value.charAt(n - 1) == 'T') {
      return n;
    }
    if (n == 4 && value.startsWith("WITA")) {
      return 4;
    }
    return 0;
  }

  private IllegalArgumentException cannotParse(String valueElem, String layoutElem) {
    return new IllegalArgumentException("parsing time " + GoQuote.quote(original) + " as " + GoQuote.quote(layout)
        + ": cannot parse " + GoQuote.quote(valueElem) + " as " + GoQuote.quote(layoutElem));
  }
}

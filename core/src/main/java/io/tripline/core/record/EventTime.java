package io.tripline.core.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code eventTime}. CloudTrail always writes {@code yyyy-MM-ddTHH:mm:ssZ}; that shape
 * (and the same with a fraction of a second) is parsed by hand, because {@link Instant#parse}
 * costs more than reading the rest of the record; anything else goes through {@link Instant#parse}.
 * Records exported by SIEMs and data lakes (Athena, Splunk, Snowflake) often carry
 * {@code yyyy-MM-dd HH:mm:ss[.fraction]} without a zone: that form is read as UTC.
 */
final class EventTime {

  private EventTime() {}

  /** @throws DateTimeParseException if {@code s} is not an ISO-8601 UTC instant */
  static Instant parse(String s) {
    if (s.length() >= 19 && s.length() <= 29 && s.charAt(10) == ' ' && s.indexOf('Z') < 0 && s.indexOf('+') < 0) {
      return parse(s.substring(0, 10) + "T" + s.substring(11) + "Z");
    }
    int n = s.length();
    if (n >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
        && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z') {
      int nanos = fraction(s);
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if (nanos >= 0 && year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
          && second >= 0 && second < 60) {
        try {
          long days = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
          // e.g. February 30th: let Instant.parse produce the standard error
        }
      }
    }
    return Instant.parse(s);
  }

  /** Nanoseconds of an optional ".d{1,9}" between the seconds and the 'Z'; -1 if malformed. */
  private static int fraction(String s) {
    int n = s.length();
    if (n == 20) {
      return 0;
    }
    int count = n - 21;
    if (s.charAt(19) != '.' || count < 1 || count > 9) {
      return -1;
    }
    int v = digits(s, 20, count);
    if (v < 0) {
      return -1;
    }
    for (int i = count; i < 9; i++) {
      v *= 10;
    }
    return v;
  }

  /** The decimal number in {@code s[from, from+count)}, or -1 if a character is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}

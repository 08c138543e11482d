package io.tripline.core.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code eventTime}. CloudTrail always writes {@code yyyy-MM-ddTHH:mm:ssZ}; that shape is
 * parsed by hand (Instant.parse costs more than reading the rest of the record), anything else
 * ISO-8601 (fractional seconds, for instance) goes through {@link Instant#parse}.
 */
final class EventTime {

  private EventTime() {}

  /** @throws DateTimeParseException if {@code s} is not an ISO-8601 UTC instant */
  static Instant parse(String s) {
    if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
        && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
          && second >= 0 && second < 60) {
        try {
          long days = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
        } catch (DateTimeException e) {
          // e.g. February 30th: let Instant.parse produce the standard error
        }
      }
    }
    return Instant.parse(s);
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

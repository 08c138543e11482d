package io.tripline.simulator.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scripts write them: {@code 45s}, {@code 2m30s}, {@code 1h}, {@code PT5M}, or seconds. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  /** Longest duration a script may give (an offset, a delay, a jitter, a repeat interval or span). */
  public static final Duration MAX = Duration.ofDays(366);

  private Durations() {}

  /** Why {@code d} cannot be used (negative, or longer than {@link #MAX}), or null. */
  public static String problem(Duration d) {
    if (d.isNegative()) {
      return "is negative; durations count forward in time";
    }
    if (d.compareTo(MAX) > 0) {
      return "is longer than " + MAX.toDays() + " days (Tripline's limit for a duration in a script)";
    }
    return null;
  }

  /** The duration, or null when the text is not one; a number too large to hold is a very long duration. */
  public static Duration parse(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      double seconds = n.asDouble();
      if (Double.isNaN(seconds)) {
        return null;
      }
      return Math.abs(seconds) > MAX.getSeconds() * 2 ? Duration.ofSeconds(seconds < 0 ? -MAX.getSeconds() * 2 : MAX.getSeconds() * 2)
          : Duration.ofMillis(Math.round(seconds * 1000));
    }
    String s = n.asText().trim();
    if (s.startsWith("P") || s.startsWith("-P")) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      } catch (ArithmeticException e) {
        return Duration.ofSeconds(Long.MAX_VALUE);
      }
    }
    Matcher m = SHORT.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      return null;
    }
    try {
      long secs = 0;
      if (m.group(1) != null) secs = Math.addExact(secs, Math.multiplyExact(Long.parseLong(m.group(1)), 3600));
      if (m.group(2) != null) secs = Math.addExact(secs, Math.multiplyExact(Long.parseLong(m.group(2)), 60));
      if (m.group(3) != null) secs = Math.addExact(secs, Long.parseLong(m.group(3)));
      return Duration.ofSeconds(secs);
    } catch (NumberFormatException | ArithmeticException e) {
      // digits only (the pattern says so): too many of them
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
  }
}

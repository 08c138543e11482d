package io.tripline.simulator.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scripts write them: {@code 45s}, {@code 2m30s}, {@code 1h}, {@code PT5M}, or seconds. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /** The duration, or null when the text is not one. */
  public static Duration parse(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return Duration.ofMillis(Math.round(n.asDouble() * 1000));
    }
    String s = n.asText().trim();
    if (s.startsWith("P") || s.startsWith("-P")) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = SHORT.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      return null;
    }
    long secs = 0;
    if (m.group(1) != null) secs += Long.parseLong(m.group(1)) * 3600;
    if (m.group(2) != null) secs += Long.parseLong(m.group(2)) * 60;
    if (m.group(3) != null) secs += Long.parseLong(m.group(3));
    return Duration.ofSeconds(secs);
  }
}

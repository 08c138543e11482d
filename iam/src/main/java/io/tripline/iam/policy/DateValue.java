package io.tripline.iam.policy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates as the Date condition operators read them: W3C ISO 8601 ({@code 2020-01-01}, {@code
 * 2020-01-01T12:00:00Z}, with or without fraction and offset) or epoch seconds ({@code
 * 1577836800}).
 */
public final class DateValue {

  private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");
  private static final Pattern COMPACT_OFFSET = Pattern.compile(".*[+-]\\d{4}$");

  private DateValue() {}

  /** The instant {@code text} denotes, or empty when it is no date AWS accepts. */
  public static Optional<Instant> parse(String text) {
    return parseAny(text).filter(i -> !i.isBefore(MIN) && !i.isAfter(MAX));
  }

  /** Years 0001 to 9999, as ISO 8601 without an expanded year: anything outside is no date AWS accepts. */
  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static Optional<Instant> parseAny(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (EPOCH.matcher(s).matches()) {
        BigDecimal seconds = new BigDecimal(s);
        long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
      }
      if (s.length() == 10) {
        return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (s.endsWith("Z") || s.endsWith("z") || OFFSET.matcher(s).matches()) {
        String normalized = s.replace('z', 'Z');
        if (COMPACT_OFFSET.matcher(normalized).matches()) {
          normalized = normalized.substring(0, normalized.length() - 2) + ":" + normalized.substring(normalized.length() - 2);
        }
        return Optional.of(OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
      }
      return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}

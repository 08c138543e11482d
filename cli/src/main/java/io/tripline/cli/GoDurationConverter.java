package io.tripline.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations written as OPA's flags take them (Go's {@code time.ParseDuration}): {@code 500ms}, {@code 2s}, {@code 1m30s}, {@code 0}. */
public final class GoDurationConverter implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    String v = value.trim();
    if (v.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(v);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < v.length() && m.find(at) && m.start() == at) {
      BigDecimal unit = switch (m.group(2)) {
        case "ns" -> BigDecimal.ONE;
        case "us", "µs" -> BigDecimal.valueOf(1_000);
        case "ms" -> BigDecimal.valueOf(1_000_000);
        case "s" -> BigDecimal.valueOf(1_000_000_000);
        case "m" -> BigDecimal.valueOf(60_000_000_000L);
        default -> BigDecimal.valueOf(3_600_000_000_000L);
      };
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unit));
      at = m.end();
    }
    if (at == 0 || at != v.length()) {
      throw new TypeConversionException("invalid duration '" + value + "': write it as 500ms, 2s, 1m30s or 0");
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new TypeConversionException("duration '" + value + "' is too long");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}

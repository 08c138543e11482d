package io.tripline.iam.audit;

import java.util.Locale;
import java.util.Optional;

/** A check's severity, in increasing order, as the METADATA {@code custom.severity} spells it. */
public enum Severity {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.text().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}

package io.tripline.core.detect;

import java.util.Locale;
import java.util.Optional;

/** A rule's severity, lowest first (so {@code compareTo} orders by seriousness). */
public enum Severity {
  INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

  /** The lower-case name used in metadata and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label (case-insensitive); empty when it is none of the five. */
  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) {
      if (v.label().equalsIgnoreCase(s.trim())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}

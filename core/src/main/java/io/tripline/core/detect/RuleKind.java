package io.tripline.core.detect;

import java.util.Locale;
import java.util.Optional;

/** How a rule sees records: one at a time, or as a batch of one group within a window. */
public enum RuleKind {
  RECORD, THRESHOLD, SEQUENCE, NEW_VALUE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean correlation() {
    return this != RECORD;
  }

  public static Optional<RuleKind> parse(String s) {
    for (RuleKind v : values()) {
      if (v.label().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}

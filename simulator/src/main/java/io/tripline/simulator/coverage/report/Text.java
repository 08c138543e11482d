package io.tripline.simulator.coverage.report;

import java.time.Duration;

/** Small text helpers shared by the renderers. */
final class Text {
  private Text() {}

  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  static String md(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  /** 0s, 45s, 3m10s, 1h02m. */
  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : String.format("%02ds", s % 60));
    }
    return (s / 3600) + "h" + String.format("%02dm", (s % 3600) / 60);
  }
}

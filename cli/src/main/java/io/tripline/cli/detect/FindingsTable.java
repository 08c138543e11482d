package io.tripline.cli.detect;

import io.tripline.cli.Terminal;
import io.tripline.core.detect.DetectionSummary;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.Severity;
import io.tripline.core.log.ReadSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as a table: time (UTC), severity, rule, principal, message. On a terminal each line
 * fits its width (the principal and message are cut with an ellipsis); elsewhere, or with
 * {@code --wide}, lines are whole. Then a summary line.
 */
final class FindingsTable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private final Terminal term;

  FindingsTable(Terminal term) {
    this.term = term;
  }

  void print(List<Finding> findings, DetectionSummary summary, ReadSummary read) {
    if (!findings.isEmpty()) {
      term.line(term.bold(String.format("%-19s  %-8s  %-11s  %-18s  %s", "TIME (UTC)", "SEVERITY", "RULE", "PRINCIPAL", "MESSAGE")));
      for (Finding f : findings) {
        String principal = Terminal.cut(shortName(f.trigger().principalArn()), 18);
        String line = (String.format("%-19s  %-8s  %-11s  %-18s  %s", TIME.format(f.trigger().eventTime()),
            f.severity().label(), f.rule().id(), principal, f.message()));
        term.line(color(f.severity(), line));
      }
      term.out().println();
    }
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    findings.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
    StringBuilder counts = new StringBuilder();
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFORMATIONAL)) {
      Integer n = bySeverity.get(s);
      if (n != null) {
        counts.append(counts.isEmpty() ? " (" : ", ").append(n).append(' ').append(s.label());
      }
    }
    if (!counts.isEmpty()) {
      counts.append(')');
    }
    term.out().println(String.format("%,d finding(s)%s in %,d records from %,d file(s); %,.0f records/s",
        findings.size(), counts, summary.records(), read.filesRead(), summary.rate()));
  }

  private String color(Severity s, String line) {
    return switch (s) {
      case CRITICAL, HIGH -> term.red(line);
      case MEDIUM -> term.yellow(line);
      default -> line;
    };
  }

  /** The last part of an ARN (user/dev_user → dev_user; assumed-role/Role/session → Role/session). */
  static String shortName(String arn) {
    if (arn == null) {
      return "-";
    }
    int colon = arn.lastIndexOf(':');
    String res = colon >= 0 ? arn.substring(colon + 1) : arn;
    int slash = res.indexOf('/');
    return slash >= 0 ? res.substring(slash + 1) : res;
  }

}

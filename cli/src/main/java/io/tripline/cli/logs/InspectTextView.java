package io.tripline.cli.logs;

import io.tripline.cli.Terminal;
import io.tripline.core.log.LogInventory;
import io.tripline.core.log.ReadSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The human summary of {@code tripline logs inspect}: one table per question, top rows first. */
final class InspectTextView {

  private final Terminal terminal;
  private final int top;

  InspectTextView(Terminal terminal, int top) {
    this.terminal = terminal;
    this.top = top;
  }

  void print(ReadSummary read, LogInventory inventory, OriginCounts origins) {
    PrintWriter out = terminal.out();
    out.println(terminal.bold("CloudTrail logs"));
    out.println("  files read            " + read.filesRead());
    out.println("  records read          " + inventory.records());
    String skipped = String.valueOf(read.recordsSkipped());
    out.println("  records skipped       " + (read.recordsSkipped() > 0 ? terminal.yellow(skipped) : skipped));
    out.println("  digest files skipped  " + read.digestFilesSkipped());
    if (inventory.first().isPresent()) {
      Duration span = Duration.between(inventory.first().get(), inventory.last().get());
      terminal.wrapped("  time range            ", inventory.first().get() + " .. " + inventory.last().get() + " (" + human(span) + ")",
          "                        ");
    }

    if (origins.present()) {
      TextTable byOrigin = new TextTable("ORIGIN (tripline-manifest.json)", "RECORDS");
      for (OriginCounts.Group g : origins.groups()) {
        byOrigin.row(g.label(), String.valueOf(g.count()));
        g.steps().forEach((step, n) -> byOrigin.row("  " + step, String.valueOf(n)));
      }
      if (origins.unknown() > 0) {
        byOrigin.row("not in the manifest", String.valueOf(origins.unknown()));
      }
      section(byOrigin);
    }

    TextTable calls = new TextTable("EVENT SOURCE / EVENT NAME", "RECORDS");
    for (LogInventory.SourceCount s : limit(inventory.eventSources())) {
      calls.row(s.eventSource(), String.valueOf(s.count()));
      for (LogInventory.Count n : limit(s.eventNames())) {
        calls.row("  " + n.value(), count(n.count(), n.approximate()));
      }
      more(calls, s.eventNames().size(), "  ");
    }
    more(calls, inventory.eventSources().size(), "");
    section(calls);

    TextTable principals = new TextTable("PRINCIPAL", "TYPE", "ARN", "RECORDS");
    for (LogInventory.PrincipalCount p : limit(inventory.principals())) {
      principals.row(p.name(), p.type(), p.arn(), count(p.count(), p.approximate()));
    }
    LogInventory.Distinct distinctPrincipals = inventory.distinctPrincipals();
    if (distinctPrincipals.count() > top) {
      principals.row("… " + count(distinctPrincipals.count() - top, distinctPrincipals.approximate()) + " more", "", "", "");
    }
    section(principals);

    section(counts("SOURCE IP ADDRESS", inventory.sourceIps(), inventory.distinctSourceIps()));
    TextTable errors = counts("ERROR CODE", inventory.errorCodes(), inventory.distinctErrorCodes());
    if (errors.isEmpty() && inventory.records() > 0) {
      out.println();
      out.println(terminal.bold("ERROR CODE") + "  " + terminal.green("none: every call succeeded"));
    } else {
      section(errors);
    }
    if (inventory.approximate()) {
      out.println();
      out.println(terminal.dim("≈ approximate: a list had more than " + LogInventory.KEPT + " distinct values, so its long tail was "
          + "counted in bounded memory; the top counts not marked ≈ are exact, ≈ counts are upper bounds and ≈ totals estimates"));
    }
    out.flush();
  }

  private TextTable counts(String title, List<LogInventory.Count> counts, LogInventory.Distinct distinct) {
    TextTable t = new TextTable(title, "RECORDS");
    for (LogInventory.Count c : limit(counts)) {
      t.row(c.value(), count(c.count(), c.approximate()));
    }
    if (distinct.count() > top) {
      t.row("… " + count(distinct.count() - top, distinct.approximate()) + " more (use --top or --format json)", "");
    }
    return t;
  }

  private static String count(long n, boolean approximate) {
    return approximate ? "≈" + n : String.valueOf(n);
  }

  private void more(TextTable t, int size, String indent) {
    if (size > top) {
      t.row(indent + "… " + (size - top) + " more (use --top or --format json)", "");
    }
  }

  private <T> List<T> limit(List<T> list) {
    return list.size() > top ? list.subList(0, top) : list;
  }

  private void section(TextTable table) {
    if (table.isEmpty()) {
      return;
    }
    terminal.out().println();
    table.lines(terminal::bold, terminal.width()).forEach(terminal.out()::println);
  }

  static String human(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    }
    if (s < 86400) {
      return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
    return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
  }
}

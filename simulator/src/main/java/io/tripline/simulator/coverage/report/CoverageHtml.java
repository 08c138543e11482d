package io.tripline.simulator.coverage.report;

import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RuleInfo;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.RuleResult;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.StepResult;
import io.tripline.simulator.coverage.TechniqueResult;
import java.util.List;
import java.util.Locale;

/**
 * The human report: one self-contained HTML file (inline CSS, no script, no network): summary,
 * technique × scenario heat map, per-scenario timelines of steps and findings, the false-positive
 * table, and every rule's investigation guide one click away (its own anchor).
 */
public final class CoverageHtml {
  private CoverageHtml() {}

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1200px;color:#1d2430;padding:0 16px}
      h1{font-size:24px;margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #dde1e7;padding-bottom:4px}
      .cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{border:1px solid #dde1e7;border-radius:8px;padding:10px 16px;min-width:140px}
      .card b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;margin:8px 0}
      th,td{border:1px solid #e3e6ea;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f5f7f9}
      .heat{width:auto}.heat td.c{text-align:center;width:28px}.heat th.s{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:12px}
      .caught{background:#52b788;color:#fff}.missed{background:#e5533d;color:#fff}.quiet{background:#d8f3dc}.noisy{background:#f4a261}
      .partial{background:#f4d35e}.rule{background:#eef3f8}.not-logged{background:#e9ecef;color:#555}.no-expectation{}
      .pill{border-radius:10px;padding:1px 8px;font-size:12px}.sev-critical,.sev-high{color:#b00020;font-weight:600}.sev-medium{color:#a15c00}
      details{margin:4px 0}summary{cursor:pointer}code{background:#f5f7f9;padding:0 3px}.muted{color:#666}
      td a{white-space:nowrap}td.t{white-space:nowrap;font-size:12px}
      .pol-allowed{background:#fde2c4}.pol-denied{background:#d8f3dc}.pol-mixed{background:#f4d35e}.pol-no-permission-needed,.pol-not-decided{background:#e9ecef}
      """;

  public static String of(CoverageReport r) {
    List<Finding> falsePositives = r.baseline().findings();
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    b.append("<title>Tripline detection coverage</title><style>").append(CSS).append("</style></head><body>\n");
    b.append("<h1>Tripline detection coverage</h1><div class=\"muted\">ATT&amp;CK v").append(Text.xml(r.attackVersion()))
        .append(String.format(Locale.ROOT, " · %,d records simulated in %s</div>%n", r.recordsSimulated(), Text.duration(r.elapsed())));
    b.append("<div class=\"cards\">");
    card(b, String.format(Locale.ROOT, "%.1f%%", r.stepCoverage()), "step coverage (" + r.stepsCaught() + "/" + r.stepsExpected() + ")");
    card(b, String.valueOf(r.scenarios().stream().filter(s -> s.status().equals("caught") || s.status().equals("quiet")).count())
        + "/" + r.scenarios().size(), "scenarios as expected");
    card(b, String.valueOf(r.failedExpectations().size()), "failed expectations");
    card(b, String.valueOf(r.gaps().size()), "technique gaps");
    card(b, String.valueOf(r.baseline().falsePositives()), String.format(Locale.ROOT, "false positives / %,d baseline", r.baseline().records()));
    card(b, String.valueOf(r.deadRules().size()) + "/" + r.rules().size(), "rules that never fired");
    if (r.iamAware()) {
      CoverageReport.AccessSummary a = r.accessSummary();
      card(b, a.allowed() + " / " + (a.denied() + a.mixed()), "steps allowed / denied by the policies");
      card(b, a.deniedDetected() + "/" + (a.denied() + a.mixed()), "denied steps a rule fired on");
    }
    b.append("</div>\n");
    if (r.iamAware()) {
      b.append("<p>IAM-aware replay: every scenario step was decided against the policies of <code>").append(Text.xml(r.accessSource()))
          .append("</code>. Steps the policies denied were written as the service logs AccessDenied; their rules are the ones that fired on "
              + "the denied attempts, and their expectations were judged on those attempts.</p>\n");
    }

    b.append("<h2 id=\"heatmap\">Techniques × scenarios</h2><table class=\"heat\"><tr><th>technique</th><th>rules</th>");
    for (ScenarioResult s : r.scenarios()) {
      b.append("<th class=\"s\"><a href=\"#s-").append(Text.xml(anchor(s.id()))).append("\">").append(Text.xml(s.id())).append("</a></th>");
    }
    b.append("</tr>\n");
    for (TechniqueResult t : r.techniques()) {
      b.append("<tr><td>").append(Text.xml(String.join(" / ", t.aliases()))).append(t.gap() ? " <b>gap</b>" : "").append("</td><td>")
          .append(t.rules().size()).append("</td>");
      for (ScenarioResult s : r.scenarios()) {
        String cls = t.caughtIn().contains(s.id()) ? "caught" : t.exercisedBy().contains(s.id()) ? "missed" : "";
        b.append("<td class=\"c ").append(cls).append("\">").append(cls.equals("caught") ? "✓" : cls.equals("missed") ? "✗" : "").append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table><p class=\"muted\">✓ a rule for the technique fired where the scenario expects it; ✗ the scenario expects it and nothing fired.</p>\n");

    b.append("<h2 id=\"scenarios\">Scenarios</h2>\n");
    for (ScenarioResult s : r.scenarios()) {
      b.append("<h3 id=\"s-").append(Text.xml(anchor(s.id()))).append("\">").append(Text.xml(s.id())).append(" <span class=\"pill ")
          .append(s.status()).append("\">").append(s.status()).append("</span></h3><p>").append(Text.xml(s.title())).append("</p>");
      b.append("<table><tr><th>#</th><th>time (UTC)</th><th>step</th><th>call</th>").append(r.iamAware() ? "<th>policy</th>" : "").append("<th>outcome</th><th>expects</th><th>status</th><th>rules (delay)</th></tr>\n");
      for (StepResult st : s.steps()) {
        b.append("<tr><td>").append(st.index() + 1).append("</td><td class=\"t\">").append(st.time() == null ? "" : Text.xml(st.time().toString()))
            .append("</td><td>").append(Text.xml(st.name())).append("</td><td><code>").append(Text.xml(st.call())).append("</code></td><td>");
        if (r.iamAware()) {
          st.access().ifPresent(a -> b.append("<span class=\"pill pol-").append(a.verdict()).append("\">").append(a.verdict())
              .append("</span> ").append(Text.xml(a.explanation())));
          b.append("</td><td>");
        }
        b.append(Text.xml(st.outcome())).append(" · ").append(st.eventKind()).append("</td><td>")
            .append(Text.xml(String.join(", ", st.expect().fire())))
            .append(st.expect().notFire().isEmpty() ? "" : " not " + Text.xml(String.join(", ", st.expect().notFire())))
            .append("</td><td class=\"").append(st.status()).append("\">").append(st.status().equals("not-logged")
                ? "not logged: " + Text.xml(String.join("; ", st.notLoggedBecause())) : st.status()).append("</td><td>");
        for (StepResult.Hit h : st.hits()) {
          b.append("<a href=\"#r-").append(Text.xml(h.ruleId())).append("\" class=\"sev-").append(h.severity()).append("\" title=\"")
              .append(Text.xml(h.message())).append("\">").append(Text.xml(h.ruleId())).append("</a> (").append(Text.duration(h.delay())).append(") ");
        }
        b.append("</td></tr>\n");
      }
      b.append("</table>\n");
    }

    b.append("<h2 id=\"false-positives\">False positives on baseline activity</h2>");
    if (falsePositives.isEmpty()) {
      b.append("<p>None on ").append(String.format(Locale.ROOT, "%,d", r.baseline().records())).append(" baseline records.</p>");
    } else {
      b.append("<table><tr><th>time (UTC)</th><th>rule</th><th>principal</th><th>message</th></tr>\n");
      for (Finding f : falsePositives) {
        b.append("<tr><td>").append(Text.xml(f.trigger().eventTime().toString())).append("</td><td><a href=\"#r-").append(Text.xml(f.rule().id()))
            .append("\">").append(Text.xml(f.rule().id())).append("</a></td><td>").append(Text.xml(f.trigger().principalArn()))
            .append("</td><td>").append(Text.xml(f.message())).append("</td></tr>\n");
      }
      b.append("</table>");
    }

    b.append("<h2 id=\"rules\">Rules</h2>\n");
    for (RuleResult rr : r.rules()) {
      RuleInfo rule = rr.rule();
      b.append("<details id=\"r-").append(Text.xml(rule.id())).append("\"><summary><b>").append(Text.xml(rule.id())).append("</b> ")
          .append(Text.xml(rule.title())).append(" — <span class=\"sev-").append(rule.severity().label()).append("\">")
          .append(rule.severity().label()).append("</span>, ").append(rr.truePositives()).append(" true / ").append(rr.falsePositives())
          .append(" false positives").append(rr.dead() ? ", <b>never fired</b>" : "").append("</summary>");
      b.append("<p>").append(Text.xml(rule.description())).append("</p><p class=\"muted\">MITRE: ")
          .append(Text.xml(String.join(", ", rule.techniqueIds()))).append(" · outcome ").append(Text.xml(rule.outcome()))
          .append(" · ").append(rule.kind().label()).append(" · <code>").append(Text.xml(rule.file().replaceFirst("^bundled:", ""))).append("</code></p>");
      list(b, "Investigation", rule.investigation());
      list(b, "Response", rule.response());
      list(b, "False positives", rule.falsePositives());
      b.append("</details>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  private static void card(StringBuilder b, String value, String label) {
    b.append("<div class=\"card\"><b>").append(Text.xml(value)).append("</b>").append(Text.xml(label)).append("</div>");
  }

  private static void list(StringBuilder b, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append("<p><b>").append(title).append("</b></p><ol>");
    items.forEach(i -> b.append("<li>").append(Text.xml(i)).append("</li>"));
    b.append("</ol>");
  }

  static String anchor(String id) {
    return id.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}

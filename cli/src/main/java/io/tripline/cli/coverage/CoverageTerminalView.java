package io.tripline.cli.coverage;

import io.tripline.cli.Terminal;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.simulator.StepAccess;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.ExpectationResult;
import io.tripline.simulator.coverage.RuleResult;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The terminal summary: one line per scenario (status, expected steps caught, rules fired), then
 * what failed, the slowest detections, noisy rules and the totals. Lines are cut to the terminal's
 * width ({@link Terminal#line}).
 */
final class CoverageTerminalView {
  private final Terminal term;

  CoverageTerminalView(Terminal term) {
    this.term = term;
  }

  void print(CoverageReport r, RuleLibrary lib, boolean companyContext, String thresholds) {
    line(term.bold(String.format(Locale.ROOT, "Tripline coverage: %d scenarios, %d rules, %,d baseline records",
        r.scenarios().size(), r.rules().size(), r.baseline().records())));
    if (companyContext) {
      line(term.dim("context: the simulated company's (attack-scenarios context/company.yaml); yours with --data"));
    }
    line("");
    line(term.bold(String.format("%-46s %-8s %-6s %s", "SCENARIO", "STATUS", "STEPS", "RULES FIRED")));
    for (ScenarioResult s : r.scenarios()) {
      long expected = s.steps().stream().filter(st -> !st.expect().fire().isEmpty() && !st.status().equals("not-logged")).count();
      long caught = s.steps().stream().filter(st -> st.status().equals("caught")).count();
      String steps = expected == 0 ? "-" : caught + "/" + expected;
      String text = String.format("%-46s %-8s %-6s %s", Terminal.cut(s.id(), 46), s.status(), steps, String.join(" ", s.rulesFired()));
      line(paint(s.status(), text));
    }
    if (r.iamAware()) {
      printAccess(r);
    }
    List<ExpectationResult> failed = r.failedExpectations();
    if (!failed.isEmpty()) {
      line("");
      line(term.bold(term.red("Failed expectations")));
      for (ExpectationResult e : failed) {
        String where = e.step() < 0 ? "(scenario)" : "step " + (e.step() + 1) + " " + e.stepName();
        line(term.red("  " + e.scenarioId() + " " + where + ": " + (e.kind().equals("fire")
            ? e.target() + " did not fire" : e.target() + " fired (" + String.join(", ", e.firedBy()) + ")")
            + (e.deniedByPolicy() ? " on the attempt the policies denied" : "")));
      }
    }
    List<String> notLogged = new ArrayList<>();
    for (ScenarioResult s : r.scenarios()) {
      for (StepResult st : s.steps()) {
        if (st.status().equals("not-logged")) {
          notLogged.add(s.id() + " step " + (st.index() + 1) + " " + st.call() + ": " + String.join("; ", st.notLoggedBecause()));
        }
      }
    }
    if (!notLogged.isEmpty()) {
      line("");
      line(term.bold("Not logged (no trail recorded the call, so no rule could see it)"));
      notLogged.forEach(n -> line("  " + n));
    }
    record Slow(String scenario, StepResult step, StepResult.Hit hit) {}
    List<Slow> slow = new ArrayList<>();
    for (ScenarioResult s : r.scenarios()) {
      for (StepResult st : s.steps()) {
        if (st.status().equals("caught") && !st.hits().isEmpty()) {
          slow.add(new Slow(s.id(), st, st.hits().get(0)));
        }
      }
    }
    slow.sort(Comparator.comparing((Slow x) -> x.hit().delay()).reversed());
    if (!slow.isEmpty() && !slow.get(0).hit().delay().isZero()) {
      line("");
      line(term.bold("Slowest detections (first rule after the step)"));
      slow.stream().filter(x -> !x.hit().delay().isZero()).limit(5).forEach(x -> line(String.format("  +%-7s %s step %d %s by %s (%s)",
          duration(x.hit().delay()), x.scenario(), x.step().index() + 1, x.step().call(), x.hit().ruleId(), x.hit().kind())));
    }
    List<RuleResult> noisy = r.rules().stream().filter(x -> x.falsePositives() > 0)
        .sorted(Comparator.comparingInt(RuleResult::falsePositives).reversed()).toList();
    if (!noisy.isEmpty()) {
      line("");
      line(term.bold(term.yellow("False positives on baseline activity")));
      noisy.stream().limit(8).forEach(x -> line(term.yellow(String.format(Locale.ROOT, "  %-12s %5d  (%.2f per 10k)  %s",
          x.rule().id(), x.falsePositives(), x.falsePositivesPer10k(), x.rule().title()))));
    }
    line("");
    line(term.bold("Summary"));
    long asExpected = r.scenarios().stream().filter(s -> s.status().equals("caught") || s.status().equals("quiet")).count();
    line(String.format(Locale.ROOT, "  steps caught       %d/%d (%.1f%%)%s", r.stepsCaught(), r.stepsExpected(), r.stepCoverage(),
        r.stepsNotLogged() == 0 ? "" : ", " + r.stepsNotLogged() + " not logged"));
    line(String.format(Locale.ROOT, "  scenarios          %d/%d as expected (caught, or quiet look-alikes)", asExpected, r.scenarios().size()));
    long exercised = r.techniques().stream().filter(t -> !t.exercisedBy().isEmpty()).count();
    line(String.format(Locale.ROOT, "  techniques         %d exercised, %d caught, %d gap(s)%s", exercised, exercised - r.gaps().size(),
        r.gaps().size(), r.gaps().isEmpty() ? "" : ": " + String.join(", ", r.gaps().stream().map(g -> g.id()).toList())));
    line(String.format(Locale.ROOT, "  false positives    %d on %,d baseline records", r.baseline().falsePositives(), r.baseline().records()));
    line(String.format(Locale.ROOT, "  rules              %d, %d fired in a scenario, %d never fired", r.rules().size(),
        r.rules().size() - r.deadRules().size(), r.deadRules().size()));
    if (r.iamAware()) {
      CoverageReport.AccessSummary a = r.accessSummary();
      int denied = a.denied() + a.mixed();
      line(String.format(Locale.ROOT, "  IAM policies       %d step(s) allowed, %d denied, %d need no permission%s", a.allowed(), denied,
          a.noPermissionNeeded(), a.notDecided() == 0 ? "" : ", " + a.notDecided() + " not decided"));
      if (denied > 0) {
        long unlogged = r.scenarios().stream().flatMap(x -> x.steps().stream())
            .filter(st -> st.deniedByPolicy() && st.status().equals("not-logged")).count();
        line(String.format(Locale.ROOT, "  denied attempts    %d of %d denied step(s) fired a rule%s", a.deniedDetected(), denied,
            unlogged == 0 ? "" : " (" + unlogged + " not logged)"));
      }
    }
    double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
    line(String.format(Locale.ROOT, "  records            %,d simulated and evaluated in %.1f s (%,.0f records/s)", r.recordsSimulated(),
        seconds, r.recordsSimulated() / seconds));
    if (!thresholds.isEmpty()) {
      line("  thresholds         " + thresholds);
    }
    term.out().flush();
  }

  /**
   * Per scenario and step, what the account's policies decided (IAM-aware replay): the verdict and
   * the rules that fired on the step's records on one line, the granting statement or the deny
   * reason indented below it.
   */
  private void printAccess(CoverageReport r) {
    line("");
    line(term.bold("IAM-aware replay: steps decided against " + r.accessSource()));
    line(term.dim("  denied steps were written as AWS logs AccessDenied; their rules fired on the denied attempts"));
    for (ScenarioResult s : r.scenarios()) {
      line("");
      line(term.bold(s.id()));
      line(term.bold(String.format("  %-3s %-30s %-9s %s", "#", "CALL", "POLICY", "RULES ON THE STEP'S RECORDS")));
      for (StepResult st : s.steps()) {
        StepAccess a = st.access().orElse(null);
        String verdict = a == null ? "-" : a.verdict().equals("no-permission-needed") ? "none" : a.verdict();
        List<String> rules = st.hits().stream().map(StepResult.Hit::ruleId).distinct().toList();
        String text = String.format("  %-3d %-30s %-9s %s", st.index() + 1, Terminal.cut(st.call(), 30), verdict,
            rules.isEmpty() ? "-" : String.join(" ", rules));
        line(a == null ? text : a.denied() ? term.green(text) : a.verdict().equals("allowed") ? term.yellow(text) : text);
        if (a != null) {
          term.wrapped("      ", a.explanation(), "        ");
        }
      }
    }
  }

  private String paint(String status, String text) {
    return switch (status) {
      case "caught", "quiet" -> term.green(text);
      case "missed", "noisy" -> term.red(text);
      case "partial" -> term.yellow(text);
      default -> text;
    };
  }

  private void line(String s) {
    term.line(s);
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s") : (s / 3600) + "h" + ((s % 3600) / 60) + "m";
  }
}

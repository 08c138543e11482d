package io.tripline.simulator.coverage.report;

import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.ExpectationResult;
import io.tripline.simulator.coverage.RuleResult;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.StepResult;
import io.tripline.simulator.coverage.TechniqueResult;
import java.util.Locale;

/** The coverage report as Markdown: summary, scenarios, step timelines, techniques, rules and false positives. */
public final class CoverageMarkdown {
  private CoverageMarkdown() {}

  public static String of(CoverageReport r) {
    StringBuilder b = new StringBuilder("# Tripline detection coverage\n\n");
    b.append(String.format(Locale.ROOT, "- Step coverage: **%.1f%%** (%d of %d expected steps caught; %d not logged)%n",
        r.stepCoverage(), r.stepsCaught(), r.stepsExpected(), r.stepsNotLogged()));
    b.append(String.format(Locale.ROOT, "- Scenarios: %d (%d caught or quiet as expected)%n", r.scenarios().size(),
        r.scenarios().stream().filter(s -> s.status().equals("caught") || s.status().equals("quiet")).count()));
    b.append(String.format(Locale.ROOT, "- Failed expectations: %d; technique gaps: %d; dead rules: %d of %d%n",
        r.failedExpectations().size(), r.gaps().size(), r.deadRules().size(), r.rules().size()));
    b.append(String.format(Locale.ROOT, "- False positives: %d on %,d baseline records%n", r.baseline().falsePositives(), r.baseline().records()));
    b.append(String.format(Locale.ROOT, "- ATT&CK v%s; %,d records simulated in %s%n%n", r.attackVersion(), r.recordsSimulated(),
        Text.duration(r.elapsed())));
    if (r.iamAware()) {
      CoverageReport.AccessSummary a = r.accessSummary();
      b.setLength(b.length() - 1);
      b.append(String.format(Locale.ROOT, "- IAM-aware replay against `%s`: %d steps allowed, %d denied%s, %d need no permission, %d not decided; "
          + "rules fired on the denied attempts of %d of %d denied steps; expectations are judged on what happened (denied attempts included)%n%n",
          Text.md(r.accessSource()), a.allowed(), a.denied(), a.mixed() == 0 ? "" : ", " + a.mixed() + " partly denied",
          a.noPermissionNeeded(), a.notDecided(), a.deniedDetected(), a.denied() + a.mixed()));
    }
    b.append("## Scenarios\n\n| scenario | status | records | rules fired |\n|---|---|---|---|\n");
    for (ScenarioResult s : r.scenarios()) {
      b.append("| ").append(Text.md(s.id())).append(" | ").append(s.status()).append(" | ").append(s.records()).append(" | ")
          .append(Text.md(String.join(", ", s.rulesFired()))).append(" |\n");
    }
    for (ScenarioResult s : r.scenarios()) {
      b.append("\n### ").append(Text.md(s.id())).append(" (").append(s.status()).append(")\n\n").append(Text.md(s.title())).append("\n\n");
      if (!r.iamAware()) {
        b.append("| # | step | call | outcome | expects | status | first rule (delay) |\n|---|---|---|---|---|---|---|\n");
      } else {
        b.append("| # | step | call | policy | granted by / denied because | outcome | expects | status | rules on the step's records |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult st : s.steps()) {
          String expects = String.join(", ", st.expect().fire()) + (st.expect().notFire().isEmpty() ? "" : " not " + String.join(", ", st.expect().notFire()));
          String status = st.status().equals("not-logged") ? "not logged: " + String.join("; ", st.notLoggedBecause()) : st.status();
          String rules = String.join(", ", st.hits().stream().map(StepResult.Hit::ruleId).distinct().toList());
          b.append("| ").append(st.index() + 1).append(" | ").append(Text.md(st.name())).append(" | ").append(Text.md(st.call()))
              .append(" | ").append(st.access().map(x -> x.verdict()).orElse("")).append(" | ")
              .append(Text.md(st.access().map(x -> x.explanation()).orElse(""))).append(" | ").append(Text.md(st.outcome()))
              .append(" | ").append(Text.md(expects)).append(" | ").append(Text.md(status)).append(" | ").append(Text.md(rules)).append(" |\n");
        }
      }
      for (StepResult st : r.iamAware() ? java.util.List.<StepResult>of() : s.steps()) {
        String first = st.hits().isEmpty() ? "" : st.hits().get(0).ruleId() + " (" + Text.duration(st.hits().get(0).delay()) + ")";
        String expects = String.join(", ", st.expect().fire()) + (st.expect().notFire().isEmpty() ? "" : " not " + String.join(", ", st.expect().notFire()));
        String status = st.status().equals("not-logged") ? "not logged: " + String.join("; ", st.notLoggedBecause()) : st.status();
        b.append("| ").append(st.index() + 1).append(" | ").append(Text.md(st.name())).append(" | ").append(Text.md(st.call()))
            .append(" | ").append(Text.md(st.outcome())).append(" | ").append(Text.md(expects)).append(" | ").append(Text.md(status))
            .append(" | ").append(Text.md(first)).append(" |\n");
      }
      for (ExpectationResult e : s.expectations()) {
        if (e.judged() && !e.held()) {
          b.append("\n- **").append(e.kind().equals("fire") ? "Missed" : "Noisy").append("**: ").append(Text.md(e.target()))
              .append(e.step() < 0 ? " (scenario)" : " at step " + (e.step() + 1))
              .append(e.deniedByPolicy() ? " (the policies denied the step: judged on the denied attempt)" : "").append('\n');
        }
      }
    }
    b.append("\n## Techniques\n\n| technique | rules | exercised by | caught in |\n|---|---|---|---|\n");
    for (TechniqueResult t : r.techniques()) {
      b.append("| ").append(String.join(" / ", t.aliases())).append(t.gap() ? " **gap**" : "").append(" | ")
          .append(Text.md(String.join(", ", t.rules()))).append(" | ").append(t.exercisedBy().size()).append(" | ")
          .append(t.caughtIn().size()).append(" |\n");
    }
    b.append("\n## Rules\n\n| rule | severity | true positives | false positives | per 10k baseline | scenarios |\n|---|---|---|---|---|---|\n");
    for (RuleResult rr : r.rules()) {
      b.append("| ").append(rr.rule().id()).append(" ").append(Text.md(rr.rule().title())).append(" | ").append(rr.rule().severity().label())
          .append(" | ").append(rr.truePositives()).append(" | ").append(rr.falsePositives()).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", rr.falsePositivesPer10k())).append(" | ")
          .append(rr.dead() ? "never fired" : rr.scenarios().size()).append(" |\n");
    }
    b.append("\n## Breakdown (technique × outcome × event kind)\n\n| technique | outcome | event kind | steps | caught | not logged |\n|---|---|---|---|---|---|\n");
    r.breakdown().forEach(x -> b.append("| ").append(x.technique()).append(" | ").append(x.outcome()).append(" | ").append(x.eventKind())
        .append(" | ").append(x.steps()).append(" | ").append(x.caught()).append(" | ").append(x.notLogged()).append(" |\n"));
    return b.toString();
  }
}

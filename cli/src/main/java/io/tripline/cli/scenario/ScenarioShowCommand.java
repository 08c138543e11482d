package io.tripline.cli.scenario;

import io.tripline.cli.Table;
import io.tripline.cli.Terminal;
import io.tripline.cli.WideOption;
import io.tripline.simulator.ScenarioSources;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.StepReport;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.source.Diagnostic;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code tripline scenario show ID|PATH}: metadata and the timeline, with what CloudTrail records of each step. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a scenario: metadata, actors and its timeline (UTC), each step with its outcome and "
        + "whether the account's trails record it, or why not.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "2:usage or input error (the scenario does not load)", "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"})
public final class ScenarioShowCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin io.tripline.cli.IncludeOption includes = new io.tripline.cli.IncludeOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID|PATH", description = "A bundled scenario id (variants: id/variant) or a script file.")
  String target;

  @CommandLine.Option(names = "--seed", defaultValue = "1", description = "Seed for jitter (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Mixin WideOption display = new WideOption();

  @Override
  public Integer call() {
    ScenarioSources sources = includes.sources();
    PrintWriter err = Terminal.detect(spec.commandLine().getErr(), display.wide()).wrapping();
    ScenarioSources.Selection selection = sources.select(target);
    if (!selection.ok()) {
      selection.problems().forEach(err::println);
      err.flush();
      return 2;
    }
    if (selection.scenarios().isEmpty()) {
      err.println(new Diagnostic(target, 0, 0, "not a scenario (a fragment or baseline profile?); see `tripline scenario list`"));
      err.flush();
      return 2;
    }
    Scenario s = selection.scenarios().get(0);
    Terminal t = Terminal.detect(spec.commandLine().getOut(), display.wide());
    PrintWriter out = t.out();
    t.wrapped(t.bold(s.id()) + "  ", s.title(), "  ");
    t.wrapped("", "MITRE: " + String.join(", ", s.mitre()) + "    account " + s.account() + "  region " + s.region(), "       ");
    if (!s.description().isEmpty()) {
      t.wrapped("  ", s.description().replace('\n', ' '), "  ");
    }
    if (!s.detection().isEmpty()) {
      t.wrapped("  detection: ", s.detection(), "             ");
    }
    s.references().forEach(ref -> t.wrapped("  ref: ", ref, "       "));
    out.println();
    s.actors().values().forEach(a -> t.wrapped("actor " + a.name() + ": ", a.type() + " "
        + (a.userName() != null ? a.userName() : a.roleName() != null ? a.roleName() + "/" + a.sessionName() : a.service() != null ? a.service() : "")
        + " via " + a.via() + " from " + a.sourceIp() + (a.mfa() ? " with MFA" : ""), "    "));
    out.println();
    SimulationResult run = new Simulator(sources.catalog()).run(s, SimulationOptions.defaults().withSeed(seed));
    Table timeline = new Table("TIME (UTC)", "ACTOR", "CALL", "OUTCOME", "TRAIL").wrap(1, 2, 3, 4);
    for (StepReport step : run.steps()) {
      String when = step.first().toString() + (step.calls() > 1 ? " ×" + step.calls() : "");
      String delivered = step.logged() ? "delivered to " + String.join(", ", step.loggedBy())
          : step.recorded() == 0 ? "NOT DELIVERED to the trail" : "partly delivered (" + step.recorded() + "/" + step.calls() + ")";
      timeline.row(when, step.actor(), step.call() + (step.call().endsWith(":" + step.eventName()) ? "" : " → " + step.eventName()),
          step.outcome(), delivered);
      if (!step.name().equals(step.call())) {
        timeline.row("", "", "(" + step.name() + ")", "", "");
      }
    }
    timeline.print(t);
    for (StepReport step : run.steps()) {
      if (!step.logged()) {
        out.println();
        t.wrapped(t.yellow("step " + (step.index() + 1) + " " + step.call()) + " ", "not delivered to the trail" + (step.recorded() > 0
            ? " (" + (step.calls() - step.recorded()) + " of " + step.calls() + " calls)" : ""), "  ");
        step.notLoggedBecause().forEach(why -> t.wrapped("  because ", why, "    "));
        step.stillVisibleIn().ifPresent(where -> t.wrapped("  still visible in ", where, "    "));
      }
    }
    out.println();
    t.wrapped("", run.records().size() + " record(s) of " + run.steps().stream().mapToInt(StepReport::calls).sum()
        + " call(s); expect " + (s.expect().fire().isEmpty() ? "nothing" : String.join(", ", s.expect().fire()))
        + (s.expect().notFire().isEmpty() ? "" : ", not " + String.join(", ", s.expect().notFire())), "  ");
    out.flush();
    return 0;
  }
}

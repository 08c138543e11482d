package io.tripline.cli.scenario;

import io.tripline.cli.Terminal;
import io.tripline.simulator.ScenarioSources;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.StepReport;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.source.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
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
    exitCodeList = {"0:shown", "1:the scenario does not load", "2:usage error"})
public final class ScenarioShowCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID|PATH", description = "A bundled scenario id (variants: id/variant) or a script file.")
  String target;

  @CommandLine.Option(names = "--seed", defaultValue = "1", description = "Seed for jitter (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    ScenarioSources sources = new ScenarioSources();
    LoadResult r = sources.load(List.of(target)).get(0);
    PrintWriter err = spec.commandLine().getErr();
    if (!r.ok()) {
      r.diagnostics().forEach(d -> err.println(d));
      err.flush();
      return 1;
    }
    Scenario s = r.scenarios().stream().filter(x -> x.id().equals(target)).findFirst()
        .orElse(r.scenarios().isEmpty() ? null : r.scenarios().get(0));
    if (s == null) {
      err.println(new Diagnostic(target, 0, 0, "not a scenario (a fragment or baseline profile?)"));
      err.flush();
      return 1;
    }
    Terminal t = Terminal.detect(spec.commandLine().getOut());
    PrintWriter out = t.out();
    out.println(t.bold(s.id()) + "  " + s.title());
    out.println("MITRE: " + String.join(", ", s.mitre()) + "    account " + s.account() + "  region " + s.region());
    if (!s.description().isEmpty()) {
      s.description().lines().forEach(l -> out.println("  " + l));
    }
    if (!s.detection().isEmpty()) {
      out.println("  detection: " + s.detection());
    }
    s.references().forEach(ref -> out.println("  ref: " + ref));
    out.println();
    s.actors().values().forEach(a -> out.println("actor " + a.name() + ": " + a.type() + " "
        + (a.userName() != null ? a.userName() : a.roleName() != null ? a.roleName() + "/" + a.sessionName() : a.service() != null ? a.service() : "")
        + " via " + a.via() + " from " + a.sourceIp() + (a.mfa() ? " with MFA" : "")));
    out.println();
    SimulationResult run = new Simulator(sources.catalog()).run(s, SimulationOptions.defaults().withSeed(seed));
    for (StepReport step : run.steps()) {
      String when = step.first().toString() + (step.calls() > 1 ? " ×" + step.calls() : "");
      String outcome = step.outcome().equals("success") ? t.green("success") : t.yellow(step.outcome());
      String logged = step.logged() ? t.dim("logged by " + String.join(", ", step.loggedBy()))
          : t.red(step.recorded() == 0 ? "not delivered to the trail" : "partly delivered (" + step.recorded() + "/" + step.calls() + ")");
      out.println(String.format("%-24s %-10s %-44s %s  %s", when, step.actor(), step.call()
          + (step.call().endsWith(":" + step.eventName()) ? "" : " → " + step.eventName()), outcome, logged));
      if (!step.name().equals(step.call())) {
        out.println(String.format("%-24s %s", "", t.dim(step.name())));
      }
      if (!step.logged()) {
        step.notLoggedBecause().forEach(why -> out.println(String.format("%-24s %s", "", "  because " + why)));
        step.stillVisibleIn().ifPresent(where -> out.println(String.format("%-24s %s", "", "  still visible in " + where)));
      }
    }
    out.println();
    out.println(run.records().size() + " record(s) of " + run.steps().stream().mapToInt(StepReport::calls).sum()
        + " call(s); expect " + (s.expect().fire().isEmpty() ? "nothing" : String.join(", ", s.expect().fire()))
        + (s.expect().notFire().isEmpty() ? "" : ", not " + String.join(", ", s.expect().notFire())));
    out.flush();
    return 0;
  }
}

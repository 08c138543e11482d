package io.tripline.cli.scenario;

import io.tripline.cli.Terminal;
import io.tripline.cli.WideOption;
import io.tripline.simulator.ScenarioSources;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.source.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code tripline scenario validate [PATH...]}: checks scripts against the schema, the catalog and the account model. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate scenario scripts, fragments and baseline profiles: YAML syntax, the scenario JSON Schema "
          + "(every key is listed in the README, section Attack simulator), calls known to "
          + "the API catalog, actors, times and variables. Every problem is printed as file:line:column: message.",
      "",
      "PATH is a file, a directory (all *.yaml under it) or the id of a bundled scenario. "
          + "Without PATH, every bundled file is validated."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything is valid", "1:at least one problem was found (each printed as file:line:col)", "2:usage error", "3:internal error (a bug: rerun with TRIPLINE_DEBUG=1 and report it)"})
public final class ScenarioValidateCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin io.tripline.cli.IncludeOption includes = new io.tripline.cli.IncludeOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Scenario files, directories or bundled ids.")
  List<String> paths = List.of();

  @CommandLine.Mixin WideOption display = new WideOption();

  @Override
  public Integer call() {
    ScenarioSources sources = includes.sources();
    List<LoadResult> results = paths.isEmpty() ? sources.library().loadAll() : sources.load(paths);
    Terminal t = Terminal.detect(spec.commandLine().getOut(), display.wide());
    Terminal e = Terminal.detect(spec.commandLine().getErr(), display.wide());
    PrintWriter out = t.out();
    PrintWriter err = e.out();
    int problems = 0;
    for (LoadResult r : results) {
      if (r.ok()) {
        String what = switch (r.kind()) {
          case SCENARIO -> r.scenarios().get(0).id() + (r.scenarios().size() > 1 ? " (+" + (r.scenarios().size() - 1) + " variants)" : "");
          case BASELINE -> "baseline " + r.baselines().get(0).id();
          case FRAGMENT -> "fragment";
          default -> "";
        };
        t.wrapped(t.green("ok") + "  ", r.file() + "  " + t.dim(what), "    ");
      } else {
        for (Diagnostic d : r.diagnostics()) {
          e.wrapped("", d.toString(), "    ");
          problems++;
        }
      }
    }
    out.println(results.size() + " file(s), " + problems + " problem(s)");
    out.flush();
    err.flush();
    return problems == 0 ? 0 : 1;
  }
}

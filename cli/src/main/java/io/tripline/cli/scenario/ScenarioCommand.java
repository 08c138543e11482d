package io.tripline.cli.scenario;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code tripline scenario}: the group; each subcommand is one class in this package. */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description = "Attack scenario scripts: validate, list, show.",
    subcommands = {ScenarioValidateCommand.class, ScenarioListCommand.class, ScenarioShowCommand.class})
public final class ScenarioCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

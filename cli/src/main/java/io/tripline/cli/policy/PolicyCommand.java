package io.tripline.cli.policy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tripline policy}: work with Rego policy libraries; each subcommand is one class in this package. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Work with Rego policy libraries: list the detection rules, run their unit tests.",
    subcommands = {PolicyListCommand.class, PolicyTestCommand.class})
public final class PolicyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

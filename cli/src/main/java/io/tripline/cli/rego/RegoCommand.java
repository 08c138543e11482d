package io.tripline.cli.rego;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tripline rego}: the group; each subcommand is one class in this package. */
@Command(
    name = "rego",
    mixinStandardHelpOptions = true,
    description = "The embedded Rego engine: evaluate queries, run OPA conformance cases.",
    subcommands = {RegoEvalCommand.class, RegoConformanceCommand.class,
        RegoCapabilitiesCommand.class})
public final class RegoCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

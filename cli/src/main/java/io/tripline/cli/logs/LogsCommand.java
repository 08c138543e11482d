package io.tripline.cli.logs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tripline logs}: the group; each subcommand is one class in this package. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Read and summarise CloudTrail logs.",
    subcommands = {LogsInspectCommand.class})
public final class LogsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package io.tripline.cli.iam;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tripline iam}: the group; each subcommand is one class in this package. */
@Command(
    name = "iam",
    mixinStandardHelpOptions = true,
    description = "IAM: decide requests as AWS would, audit an account for log access and tampering, suggest least privilege.",
    subcommands = {IamEvaluateCommand.class, IamAuditCommand.class, IamSuggestCommand.class})
public final class IamCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package io.tripline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tripline} command: every subcommand is registered here, one line each. */
@Command(
    name = "tripline",
    mixinStandardHelpOptions = true,
    versionProvider = Tripline.Version.class,
    description = "Replay attack scenarios as synthetic CloudTrail logs, inspect CloudTrail logs, evaluate and test Rego "
        + "policies, and evaluate IAM requests.",
    subcommands = {
      io.tripline.cli.logs.LogsCommand.class,
      io.tripline.cli.scenario.ScenarioCommand.class,
      io.tripline.cli.simulate.SimulateCommand.class,
      io.tripline.cli.rego.RegoCommand.class,
      io.tripline.cli.coverage.CoverageCommand.class,
      io.tripline.cli.detect.DetectCommand.class,
      io.tripline.cli.serve.ServeCommand.class,
      io.tripline.cli.policy.PolicyCommand.class,
      io.tripline.cli.iam.IamCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Tripline implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; errors are reported, never thrown. */
  public static int run(String... args) {
    CommandLine cmd = new CommandLine(new Tripline());
    cmd.setExecutionExceptionHandler(new ErrorReporter());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    return cmd.execute(args);
  }

  /** Reads the version Maven filtered into {@code tripline-version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Tripline.class.getResourceAsStream("/tripline-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "tripline " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}

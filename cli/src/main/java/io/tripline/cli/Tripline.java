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

  /** The version Maven filtered into {@code tripline-version.properties} ("unknown" without it). */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Tripline.class.getResourceAsStream("/tripline-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /** Prints {@link #version()} and the Java runtime. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "tripline " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}

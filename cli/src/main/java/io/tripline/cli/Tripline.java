package io.tripline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tripline} command: every subcommand is registered here, one line each. */
@Command(
    name = "tripline",
    mixinStandardHelpOptions = true,
    versionProvider = Tripline.Version.class,
    footerHeading = "%nExit codes (every command):%n",
    footer = {
      "  0   ok",
      "  1   findings, failed tests, crossed thresholds, --strict problems",
      "  2   usage or input error (also: input too big for the Java heap or too deep for its stack)",
      "  3   internal error: this is a bug; rerun with TRIPLINE_DEBUG=1 and report it",
      "%nEnvironment: TRIPLINE_JAVA_OPTS (JVM options for ./tripline, e.g. -Xmx4g or -Xss64m), "
          + "TRIPLINE_DEBUG=1 (stack traces), NO_COLOR."
    },
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
    cmd.setErr(new java.io.PrintWriter(new SafeTerminalWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset())), true));
    return execute(cmd, args);
  }

  /** Runs {@code cmd} with Tripline's error handling: one line per error, the exit-code scheme. */
  static int execute(CommandLine cmd, String... args) {
    cmd.setExecutionExceptionHandler(new ErrorReporter());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    try {
      return cmd.execute(args);
    } catch (Throwable t) { // Errors (OutOfMemoryError, StackOverflowError, ...) pass picocli's handler
      if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError) && !(t instanceof StackOverflowError)) {
        throw (VirtualMachineError) t;
      }
      return ErrorReporter.report(t, commandName(cmd, args), List.of(args), cmd.getErr());
    }
  }

  /** "tripline iam evaluate" for the subcommands named in {@code args}. */
  private static String commandName(CommandLine root, String[] args) {
    CommandLine at = root;
    for (String a : args) {
      CommandLine sub = at.getSubcommands().get(a);
      if (sub == null) {
        if (a.startsWith("-")) {
          continue;
        }
        break;
      }
      at = sub;
    }
    return at.getCommandSpec().qualifiedName();
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

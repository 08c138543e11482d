package io.tripline.cli.iam;

import io.tripline.iam.account.LiveTimeouts;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --connect-timeout} and {@code --read-timeout} for live AWS reads, and the checks on the live-only options. */
final class LiveTimeoutOptions {

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5",
      description = "With --live: how long to wait for a connection to AWS (default: ${DEFAULT-VALUE}).")
  double connectSeconds;

  @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "15",
      description = "With --live: how long to wait for each answer from AWS (default: ${DEFAULT-VALUE}).")
  double readSeconds;

  /** The timeouts, or a usage error for a value that is not a positive number of seconds. */
  LiveTimeouts timeouts(CommandLine cmd) {
    return new LiveTimeouts(seconds(cmd, "--connect-timeout", connectSeconds), seconds(cmd, "--read-timeout", readSeconds));
  }

  /** {@code --endpoint-url} only makes sense with {@code --live}: without it, a usage error. */
  static void requireLive(CommandLine cmd, boolean live, URI endpoint) {
    if (!live && endpoint != null) {
      throw new CommandLine.ParameterException(cmd, "--endpoint-url is only used with --live (it says where to read the account live); "
          + "add --live, or drop --endpoint-url");
    }
  }

  private static Duration seconds(CommandLine cmd, String option, double value) {
    if (!(value > 0) || value > 3600) {
      throw new CommandLine.ParameterException(cmd, option + " must be a number of seconds above 0 and at most 3600, not " + value);
    }
    return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
  }
}

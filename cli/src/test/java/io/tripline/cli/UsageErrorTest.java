package io.tripline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A usage error is one line and a pointer to --help, not the whole help page. */
class UsageErrorTest {

  @Test
  void aMissingRequiredOptionPrintsOneLineAndAHint() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Tripline());
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    assertThat(cmd.execute("simulate", "cloudtrail-stop-logging")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).containsExactly(
        "tripline simulate: Missing required option: '--out=DIR'",
        "Try 'tripline simulate --help' for more information.");
  }

  @Test
  void tripLineRunUsesIt() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(bytes, true));
    try {
      assertThat(Tripline.run("logs", "inspect")).isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    assertThat(bytes.toString()).contains("tripline logs inspect: Missing required parameter")
        .contains("Try 'tripline logs inspect --help'").doesNotContain("Usage:");
  }
}

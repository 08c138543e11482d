package io.tripline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A test that runs Tripline commands in process through picocli, with standard output and error
 * captured in {@link #out} and {@link #err} (fresh for every {@link #run}).
 */
public abstract class CommandTest {
  protected StringWriter out = new StringWriter();
  protected StringWriter err = new StringWriter();

  /** Runs one command line; its exit code. */
  protected int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = new CommandLine(new Tripline());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }
}

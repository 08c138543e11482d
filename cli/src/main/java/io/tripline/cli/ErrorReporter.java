package io.tripline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one line the user can act on and exit code 2.
 * Set {@code TRIPLINE_DEBUG=1} to see the stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    err.println("tripline " + commandLine.getCommandName() + ": error: " + message);
    if (System.getenv("TRIPLINE_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("(set TRIPLINE_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return 2;
  }
}

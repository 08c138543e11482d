package io.tripline.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link Tripline#run} with standard input, output and error captured, as a user's shell would see them. */
public record CliRun(int code, String out, String err) {

  public static CliRun of(String... args) {
    return withInput("", args);
  }

  public static synchronized CliRun withInput(String stdin, String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    InputStream savedIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      code = Tripline.run(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
      System.setIn(savedIn);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Both streams, for "the message appears somewhere". */
  public String all() {
    return out + err;
  }

  /**
   * No Java stack trace, JVM uncaught-exception line or JDK XML parser noise anywhere in the output,
   * and no raw control character on standard error.
   */
  public boolean clean() {
    String all = all();
    return !all.contains("\tat ") && !all.contains("Exception in thread") && !all.contains("[Fatal Error]")
        && !all.contains("Caused by: ") && err.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t');
  }
}

package io.tripline.cli;

import io.tripline.rego.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns whatever escaped a command into one line and the exit code of the scheme every command
 * follows (see README "Exit codes"): an unreadable file is an input error (2); running out of heap
 * or stack says what was too big and how to raise the limit (2); anything else is a bug (3), printed
 * as one line that says so. {@code TRIPLINE_DEBUG=1} (or {@code -Dtripline.debug=1}) adds the stack
 * trace.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  /** Exit code: the command ran and found nothing to report. */
  public static final int OK = 0;
  /** Exit code: findings, failed tests, crossed thresholds, {@code --strict} problems. */
  public static final int FINDINGS = 1;
  /** Exit code: a usage or input error (including input too big or too deep for the JVM's limits). */
  public static final int INPUT = 2;
  /** Exit code: an internal error, a bug. */
  public static final int INTERNAL = 3;

  static final String BUG = "this is a bug; rerun with TRIPLINE_DEBUG=1 and report it";

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String name = commandLine.getCommandSpec().qualifiedName();
    List<String> args = parseResult == null ? List.of() : parseResult.originalArgs();
    return report(ex, name, args, commandLine.getErr());
  }

  /** Prints one line for {@code t} (and the trace when debugging) and returns its exit code. */
  static int report(Throwable t, String command, List<String> args, PrintWriter err) {
    int code;
    Throwable resource = find(t, OutOfMemoryError.class);
    if (resource == null) {
      resource = find(t, StackOverflowError.class);
    }
    if (resource instanceof OutOfMemoryError oom) {
      err.println(outOfMemory(command, args, oom));
      code = INPUT;
    } else if (resource instanceof StackOverflowError soe) {
      err.println(stackOverflow(command, args, soe));
      code = INPUT;
    } else if (t instanceof IOException || t instanceof UncheckedIOException) {
      Throwable io = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
      err.println(Redaction.redact(command + ": error: " + ioMessage(io)));
      code = INPUT;
    } else {
      String message = t.getMessage() == null ? "" : ": " + firstLine(t.getMessage());
      err.println(Redaction.redact(command + ": internal error: " + t.getClass().getName() + message) + "; " + BUG);
      code = INTERNAL;
    }
    if (debug()) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static boolean debug() {
    String env = System.getenv("TRIPLINE_DEBUG");
    String prop = System.getProperty("tripline.debug");
    return (env != null && !env.isEmpty() && !env.equals("0")) || (prop != null && !prop.equals("0"));
  }

  private static String ioMessage(Throwable io) {
    String m = io.getMessage() == null ? io.getClass().getSimpleName() : firstLine(io.getMessage());
    if (io instanceof java.nio.file.NoSuchFileException) {
      return m + ": no such file or directory";
    }
    if (io instanceof java.nio.file.AccessDeniedException) {
      return m + ": permission denied";
    }
    if (io instanceof java.nio.charset.CharacterCodingException || io instanceof java.nio.charset.MalformedInputException) {
      return "an input file is not UTF-8 text (" + m + ")";
    }
    return m;
  }

  static String outOfMemory(String command, List<String> args, OutOfMemoryError e) {
    long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    String inputs = inputs(command, args);
    return command + ": out of memory (Java heap limit " + max + " MB)" + (inputs.isEmpty() ? "" : " on " + inputs)
        + ": the input is too big for this heap. Raise it with TRIPLINE_JAVA_OPTS=-Xmx" + suggestHeap(max)
        + " ./tripline ... (or java -Xmx" + suggestHeap(max) + " -jar tripline.jar ...), or give a smaller input";
  }

  static String stackOverflow(String command, List<String> args, StackOverflowError e) {
    String where = "";
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("io.tripline.")) {
        String cls = frame.getClassName();
        where = " in " + cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName();
        break;
      }
    }
    String inputs = inputs(command, args);
    return command + ": the input nests too deeply for the Java stack" + where + (inputs.isEmpty() ? "" : " (on " + inputs + ")")
        + ": flatten it, or raise the stack with TRIPLINE_JAVA_OPTS=-Xss64m ./tripline ...";
  }

  private static String suggestHeap(long maxMb) {
    long next = Math.max(1024, Integer.highestOneBit((int) Math.min(Integer.MAX_VALUE / 4, Math.max(1, maxMb))) * 4L);
    return next >= 1024 ? (next / 1024) + "g" : next + "m";
  }

  /** The arguments that name existing files or directories (or - for standard input), with their sizes. */
  private static String inputs(String command, List<String> args) {
    List<String> out = new ArrayList<>();
    List<String> names = List.of(command.split(" "));
    int skip = 0;
    while (skip < args.size() && names.contains(args.get(skip))) {
      skip++; // the subcommand names themselves ("iam evaluate"), even where a folder has that name
    }
    for (String a : args.subList(skip, args.size())) {
      String value = a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
      if (value.equals("-")) {
        out.add("standard input");
        continue;
      }
      if (value.startsWith("-") || value.isEmpty()) {
        continue;
      }
      try {
        Path p = Path.of(value);
        if (Files.isRegularFile(p)) {
          out.add(value + " (" + Files.size(p) / (1024 * 1024) + " MB)");
        } else if (Files.isDirectory(p)) {
          out.add(value);
        }
      } catch (RuntimeException | IOException ignored) {
        // not a path
      }
      if (out.size() == 5) {
        out.add("...");
        break;
      }
    }
    return String.join(", ", out);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return (T) t;
      }
      for (Throwable s : t.getSuppressed()) {
        if (type.isInstance(s)) {
          return (T) s;
        }
      }
    }
    return null;
  }
}

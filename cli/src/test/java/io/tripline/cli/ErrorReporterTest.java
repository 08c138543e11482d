package io.tripline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Whatever escapes a command is one line and the right exit code; never a stack trace. */
class ErrorReporterTest {

  @TempDir Path dir;

  /** A command that fails the way it is told to. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Parameters(index = "0") String how;
    @Parameters(index = "1", arity = "0..1") String input;

    @Override
    public Integer call() throws Exception {
      return switch (how) {
        case "npe" -> throw new NullPointerException("Cannot invoke \"Object.toString()\" because \"x\" is null");
        case "nfe" -> throw new NumberFormatException("For input string: \"x\"");
        case "io" -> throw new java.nio.file.NoSuchFileException("missing.json");
        case "oom" -> throw new OutOfMemoryError("Java heap space");
        case "oom-in-worker" -> throw new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space"));
        case "soe" -> recurse(0);
        default -> 0;
      };
    }

    private static int recurse(int n) {
      return recurse(n + 1) + 1;
    }
  }

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Boom());
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    return new Outcome(Tripline.execute(cmd, args), err.toString());
  }

  private static void assertOneLineNoTrace(Outcome o) {
    assertThat(o.err().lines().toList()).hasSize(1);
    assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void anInternalExceptionIsExitThreeAndSaysItIsABug() {
    for (String how : List.of("npe", "nfe")) {
      Outcome o = run(how);
      assertThat(o.code()).isEqualTo(3);
      assertOneLineNoTrace(o);
      assertThat(o.err()).startsWith("boom: internal error: java.lang.")
          .contains("this is a bug; rerun with TRIPLINE_DEBUG=1 and report it");
    }
  }

  @Test
  void anUnreadableFileIsAnInputError() {
    Outcome o = run("io");
    assertThat(o.code()).isEqualTo(2);
    assertOneLineNoTrace(o);
    assertThat(o.err()).contains("missing.json: no such file or directory");
  }

  @Test
  void outOfMemoryNamesTheInputAndHowToRaiseTheHeap() throws IOException {
    Path input = Files.writeString(dir.resolve("huge.json"), "{}");
    for (String how : List.of("oom", "oom-in-worker")) {
      Outcome o = run(how, input.toString());
      assertThat(o.code()).isEqualTo(2);
      assertOneLineNoTrace(o);
      assertThat(o.err()).startsWith("boom: out of memory (Java heap limit ").contains("on " + input + " (0 MB)")
          .contains("TRIPLINE_JAVA_OPTS=-Xmx");
    }
  }

  @Test
  void subcommandNamesAreNotTakenForInputsEvenWhereAFolderHasTheirName() throws IOException {
    Path input = Files.writeString(dir.resolve("r.json"), "{}");
    // The tests run in the module folder, where "src" is a directory.
    String line = ErrorReporter.outOfMemory("tripline src", List.of("src", "--request", input.toString()), new OutOfMemoryError());
    assertThat(line).contains(" on " + input + " (0 MB)").doesNotContain("src,");
  }

  @Test
  void stackOverflowSaysWhereAndHowToRaiseTheStack() {
    Outcome o = run("soe");
    assertThat(o.code()).isEqualTo(2);
    assertOneLineNoTrace(o);
    assertThat(o.err()).startsWith("boom: the input nests too deeply for the Java stack in ErrorReporterTest$Boom.recurse")
        .contains("TRIPLINE_JAVA_OPTS=-Xss");
  }

  @Test
  void debugPrintsTheStackTrace() {
    System.setProperty("tripline.debug", "1");
    try {
      Outcome o = run("npe");
      assertThat(o.code()).isEqualTo(3);
      assertThat(o.err()).contains("\tat io.tripline.cli.ErrorReporterTest$Boom.call");
    } finally {
      System.clearProperty("tripline.debug");
    }
  }

  /** A real OutOfMemoryError in a JVM with a tiny heap, through the real main class. */
  @Test
  void aRealOutOfMemoryErrorInATinyHeapIsOneLine() throws Exception {
    Path big = dir.resolve("big-request.json");
    byte[] filler = new byte[48 * 1024 * 1024];
    java.util.Arrays.fill(filler, (byte) ' ');
    Files.write(big, filler);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Tripline.class.getName(), "iam", "evaluate", "--request", big.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(2);
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).startsWith("tripline iam evaluate: out of memory (Java heap limit ")
        .contains(big + " (48 MB)").contains("TRIPLINE_JAVA_OPTS=-Xmx");
  }
}

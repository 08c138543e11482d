package io.tripline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Control characters quoted from input never reach the terminal raw; Tripline's own colors do. */
class SafeTerminalWriterTest {

  private static String through(String text) {
    StringWriter sink = new StringWriter();
    try (PrintWriter w = new PrintWriter(new SafeTerminalWriter(sink), true)) {
      w.print(text);
      w.flush();
    }
    return sink.toString();
  }

  @Test
  void controlSequencesFromInputAreMadeVisible() {
    assertThat(through("key '\u001b]0;pwned\u0007' \r\u001b[2Jx\u009b1A\u007f"))
        .isEqualTo("key '\\u001b]0;pwned\\u0007' \\u000d\\u001b[2Jx\\u009b1A\\u007f");
  }

  @Test
  void newlinesTabsUnicodeAndColorCodesPass() {
    String text = "\u001b[33mwarning\u001b[0m: r.json:\tcafé ☕ …\n";
    assertThat(through(text)).isEqualTo(text);
  }

  @Test
  void anEscapeCutByAFlushIsEscaped() {
    assertThat(through("a\u001b[3")).isEqualTo("a\\u001b[3");
  }
}

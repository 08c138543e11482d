package io.tripline.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Standard error as every command writes it: error messages quote what users and logs wrote (JSON
 * keys, file names, event names), so control characters in them would reach the terminal and
 * could move the cursor, rewrite lines or set the window title. They are written as visible
 * {@code \\u001b}-style escapes; newlines, tabs and the color codes Tripline itself prints
 * ({@code ESC [ digits ; m}) pass unchanged.
 */
final class SafeTerminalWriter extends FilterWriter {

  private static final int MAX_SGR = 16;
  private final StringBuilder pending = new StringBuilder();

  SafeTerminalWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (!pending.isEmpty()) {
      pending.append((char) c);
      if (c == 'm' && pending.length() > 2) { // a complete color code
        out.write(pending.toString());
        pending.setLength(0);
      } else if (!(pending.length() == 2 ? c == '[' : (Character.isDigit(c) || c == ';')) || pending.length() > MAX_SGR) {
        flushPendingEscaped();
      }
      return;
    }
    if (c == 0x1b) {
      pending.append((char) c);
    } else if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0)) {
      out.write(String.format("\\u%04x", c));
    } else {
      out.write(c);
    }
  }

  /** ESC that did not start a color code: escape it, and write what followed it through the filter. */
  private void flushPendingEscaped() throws IOException {
    String rest = pending.substring(1);
    pending.setLength(0);
    out.write("\\u001b");
    for (int i = 0; i < rest.length(); i++) {
      write(rest.charAt(i));
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      write(buf[off + i]);
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      write(s.charAt(off + i));
    }
  }

  @Override
  public void flush() throws IOException {
    if (!pending.isEmpty()) {
      flushPendingEscaped();
    }
    super.flush();
  }
}

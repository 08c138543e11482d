package io.tripline.cli;

import java.io.PrintWriter;

/**
 * Where a command prints, and whether it may use color: only on an interactive terminal, and never
 * when {@code NO_COLOR} is set (https://no-color.org) or {@code --no-color} was given.
 */
public final class Terminal {

  private final PrintWriter out;
  private final boolean color;

  public Terminal(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
  }

  /** A terminal for {@code out}, colored when stdout is a console and NO_COLOR is unset. */
  public static Terminal detect(PrintWriter out) {
    String noColor = System.getenv("NO_COLOR");
    boolean color = System.console() != null && (noColor == null || noColor.isEmpty());
    return new Terminal(out, color);
  }

  public PrintWriter out() { return out; }
  public boolean color() { return color; }

  public String bold(String s) { return paint("1", s); }
  public String dim(String s) { return paint("2", s); }
  public String red(String s) { return paint("31", s); }
  public String green(String s) { return paint("32", s); }
  public String yellow(String s) { return paint("33", s); }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}

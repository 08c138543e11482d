package io.tripline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a command prints, whether it may use color, and how wide its lines may be. Color only on
 * an interactive terminal, and never when {@code NO_COLOR} is set (https://no-color.org). On a
 * terminal, lines are wrapped or cut with … to its width ({@code COLUMNS}, else {@code stty size},
 * else 80); not on a terminal, or with {@code --wide}, lines are printed whole. The system property
 * {@value #COLUMNS_PROPERTY} forces a terminal of that width (how tests render a 100-column one).
 */
public final class Terminal {

  public static final String COLUMNS_PROPERTY = "tripline.columns";
  static final int FALLBACK_COLUMNS = 80;

  private final PrintWriter out;
  private final boolean color;
  private final int width;

  public Terminal(PrintWriter out, boolean color) {
    this(out, color, 0);
  }

  /** {@code width} 0 means unlimited (full lines). */
  public Terminal(PrintWriter out, boolean color, int width) {
    this.out = out;
    this.color = color;
    this.width = width;
  }

  /** A terminal for {@code out}, colored when stdout is a console and NO_COLOR is unset. */
  public static Terminal detect(PrintWriter out) {
    return detect(out, false);
  }

  /** As {@link #detect(PrintWriter)}; {@code wide} keeps full lines even on a terminal. */
  public static Terminal detect(PrintWriter out, boolean wide) {
    String noColor = System.getenv("NO_COLOR");
    boolean tty = System.console() != null;
    boolean color = tty && (noColor == null || noColor.isEmpty());
    String forced = System.getProperty(COLUMNS_PROPERTY);
    int width = forced != null ? parse(forced, 0) : tty ? columns() : 0;
    return new Terminal(out, color, wide ? 0 : width);
  }

  private static int columns() {
    int env = parse(System.getenv("COLUMNS"), 0);
    if (env > 0) {
      return env;
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
          .redirectErrorStream(true).start();
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor(2, TimeUnit.SECONDS);
      String[] parts = s.split("\\s+");
      return parts.length == 2 ? parse(parts[1], FALLBACK_COLUMNS) : FALLBACK_COLUMNS;
    } catch (IOException | RuntimeException e) {
      return FALLBACK_COLUMNS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FALLBACK_COLUMNS;
    }
  }

  private static int parse(String s, int otherwise) {
    try {
      return s == null ? otherwise : Math.max(0, Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  public PrintWriter out() { return out; }
  public boolean color() { return color; }
  /** The line width to keep to, or 0 when lines are printed whole. */
  public int width() { return width; }

  public String bold(String s) { return paint("1", s); }
  public String dim(String s) { return paint("2", s); }
  public String red(String s) { return paint("31", s); }
  public String green(String s) { return paint("32", s); }
  public String yellow(String s) { return paint("33", s); }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /** Prints one line, cut with … at the terminal's width. */
  public void line(String s) {
    out.println(fit(s));
  }

  /** Prints text wrapped to the terminal's width: {@code first} before the first line, {@code next} before the others. */
  public void wrapped(String first, String text, String next) {
    wrap(first, text, next).forEach(out::println);
  }

  /** A writer over this terminal's stream whose println wraps each message to the width (continuation lines indented). */
  public PrintWriter wrapping() {
    if (width <= 0) {
      return out;
    }
    Terminal self = this;
    return new PrintWriter(out, true) {
      @Override
      public void println(String x) {
        for (String line : self.wrap("", String.valueOf(x), "  ")) {
          super.println(line);
        }
      }

      @Override
      public void println(Object x) {
        println(String.valueOf(x));
      }
    };
  }

  /** Plain text cut to {@code max} characters, the last one … when it was longer (a table cell). */
  public static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
  }

  /** The line cut to the width with … (escape codes do not count, and are closed after a cut). */
  public String fit(String s) {
    if (width <= 0 || visible(s) <= width) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int shown = 0;
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b') {
        int end = s.indexOf('m', i);
        if (end > 0) {
          b.append(s, i, end + 1);
          escaped = true;
          i = end;
          continue;
        }
      }
      if (shown == width - 1) {
        break;
      }
      b.append(c);
      shown++;
    }
    b.append('…');
    if (escaped && color) {
      b.append("\u001b[0m");
    }
    return b.toString();
  }

  /** Text wrapped at spaces to the width; words longer than a line are split. Unlimited width: one line. */
  public List<String> wrap(String first, String text, String next) {
    List<String> out = new ArrayList<>();
    if (width <= 0 || visible(first) + visible(text) <= width) {
      out.add(first + text);
      return out;
    }
    StringBuilder line = new StringBuilder(first);
    int used = visible(first);
    int room = Math.max(10, width - visible(next));
    boolean empty = true;
    for (String word : text.split(" ")) {
      int w = visible(word);
      if (!empty && used + 1 + w > width) {
        out.add(line.toString());
        line = new StringBuilder(next);
        used = visible(next);
        empty = true;
      }
      while (w > width - used && w > room) {
        int cut = Math.max(1, width - used - (empty ? 0 : 1));
        if (!empty) {
          line.append(' ');
        }
        line.append(word, 0, cut);
        out.add(line.toString());
        word = word.substring(cut);
        w = visible(word);
        line = new StringBuilder(next);
        used = visible(next);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        used++;
      }
      line.append(word);
      used += w;
      empty = false;
    }
    out.add(line.toString());
    return out;
  }

  /** The printed width of a string: escape codes excluded. */
  public static int visible(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
  }
}

package io.tripline.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table sized to the terminal: columns take their natural width; when the rows are
 * wider than the terminal, the columns marked {@link #wrap(int...)} give up width, widest first,
 * and their cells wrap onto more lines (at spaces, commas, dots, colons and case changes). Not on
 * a terminal, every row is one line.
 */
public final class Table {

  static final String GAP = "  ";
  static final int MIN_WRAPPED = 12;

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final boolean[] right;
  private final boolean[] wraps;

  public Table(String... header) {
    this.header = List.of(header);
    this.right = new boolean[header.length];
    this.wraps = new boolean[header.length];
  }

  /** Right-aligns these columns (counts). */
  public Table alignRight(int... columns) {
    for (int c : columns) {
      right[c] = true;
    }
    return this;
  }

  /** Lets these columns wrap when the table is wider than the terminal. */
  public Table wrap(int... columns) {
    for (int c : columns) {
      wraps[c] = true;
    }
    return this;
  }

  public Table row(String... cells) {
    List<String> r = new ArrayList<>();
    for (String c : cells) {
      r.add(c == null ? "-" : c);
    }
    rows.add(r);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Prints the table, header in bold. */
  public void print(Terminal t) {
    lines(t).forEach(t.out()::println);
  }

  public List<String> lines(Terminal t) {
    int n = header.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    if (t.width() > 0) {
      shrink(width, t.width());
    }
    List<String> out = new ArrayList<>();
    for (String l : format(header, width)) {
      out.add(t.fit(t.bold(l)));
    }
    for (List<String> r : rows) {
      for (String l : format(r, width)) {
        out.add(t.fit(l));
      }
    }
    return out;
  }

  private void shrink(int[] width, int limit) {
    int total = Arrays.stream(width).sum() + GAP.length() * (width.length - 1);
    while (total > limit) {
      int widest = -1;
      for (int i = 0; i < width.length; i++) {
        if (wraps[i] && width[i] > MIN_WRAPPED && (widest < 0 || width[i] > width[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return; // nothing left to give: Terminal.fit cuts the line
      }
      width[widest]--;
      total--;
    }
  }

  private List<String> format(List<String> cells, int[] width) {
    List<List<String>> parts = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < width.length; i++) {
      List<String> p = wraps[i] ? split(cells.get(i), width[i]) : List.of(cells.get(i));
      parts.add(p);
      height = Math.max(height, p.size());
    }
    List<String> lines = new ArrayList<>();
    for (int line = 0; line < height; line++) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        String c = line < parts.get(i).size() ? parts.get(i).get(line) : "";
        String pad = " ".repeat(Math.max(0, width[i] - c.length()));
        s.append(right[i] ? pad + c : i == width.length - 1 ? c : c + pad);
        if (i < width.length - 1) {
          s.append(GAP);
        }
      }
      lines.add(s.toString().stripTrailing());
    }
    return lines;
  }

  /** Splits a cell into pieces of at most {@code width}, preferring to break after , . : space or before a capital. */
  static List<String> split(String text, int width) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = -1;
      for (int i = width; i > width / 3; i--) {
        char before = rest.charAt(i - 1);
        char at = rest.charAt(i);
        if (before == ' ' || before == ',' || before == '.' || before == ':' || before == '/' || before == '-'
            || (Character.isUpperCase(at) && Character.isLowerCase(before))) {
          cut = i;
          break;
        }
      }
      if (cut < 0) {
        cut = width;
      }
      out.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    out.add(rest);
    return out;
  }
}

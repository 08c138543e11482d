package io.tripline.cli.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, then rows; the last column (a count) is right-aligned. Cells
 * longer than {@link #MAX_CELL} are cut with an ellipsis so one long ARN does not wreck the layout.
 */
final class TextTable {

  static final int MAX_CELL = 64;
  static final int MIN_CELL = 8;

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable row(String... cells) {
    List<String> r = new ArrayList<>(cells.length);
    for (String c : cells) {
      String s = c == null ? "-" : c;
      r.add(s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s);
    }
    rows.add(r);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The lines of the table; {@code headerStyle} decorates the header line (bold on a terminal). */
  List<String> lines(java.util.function.UnaryOperator<String> headerStyle) {
    return lines(headerStyle, 0);
  }

  /**
   * The lines, at most {@code limit} wide (0: unlimited): the widest text columns give up width
   * first, their cells cut with an ellipsis; the count column never shrinks.
   */
  List<String> lines(java.util.function.UnaryOperator<String> headerStyle, int limit) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    if (limit > 0) {
      int total = java.util.Arrays.stream(width).sum() + 2 * (width.length - 1);
      while (total > limit) {
        int widest = -1;
        for (int i = 0; i < width.length - 1; i++) {
          if (width[i] > MIN_CELL && (widest < 0 || width[i] > width[widest])) {
            widest = i;
          }
        }
        if (widest < 0) {
          break;
        }
        width[widest]--;
        total--;
      }
    }
    List<String> out = new ArrayList<>();
    out.add(headerStyle.apply(format(header, width)));
    for (List<String> r : rows) {
      out.add(format(r, width));
    }
    return out;
  }

  private static String format(List<String> cells, int[] width) {
    StringBuilder s = new StringBuilder();
    int last = width.length - 1;
    for (int i = 0; i < width.length; i++) {
      String c = cells.get(i);
      if (c.length() > width[i]) {
        c = c.substring(0, width[i] - 1) + "…";
      }
      if (i == last) {
        s.append(" ".repeat(width[i] - c.length())).append(c);
      } else {
        s.append(c).append(" ".repeat(width[i] - c.length())).append("  ");
      }
    }
    return s.toString();
  }
}

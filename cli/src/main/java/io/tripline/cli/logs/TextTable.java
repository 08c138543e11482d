package io.tripline.cli.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, then rows; the last column (a count) is right-aligned. Cells
 * longer than {@link #MAX_CELL} are cut with an ellipsis so one long ARN does not wreck the layout.
 */
final class TextTable {

  static final int MAX_CELL = 64;

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
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
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
      if (i == last) {
        s.append(" ".repeat(width[i] - c.length())).append(c);
      } else {
        s.append(c).append(" ".repeat(width[i] - c.length())).append("  ");
      }
    }
    return s.toString();
  }
}

package io.tripline.rego.ast;

/** Where a node starts in its source: file name (may be empty), 1-based line and column. */
public record Location(String file, int line, int col) {
  public static final Location NONE = new Location("", 0, 0);

  @Override
  public String toString() {
    return (file.isEmpty() ? "" : file + ":") + line + ":" + col;
  }
}

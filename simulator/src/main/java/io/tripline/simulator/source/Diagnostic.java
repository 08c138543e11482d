package io.tripline.simulator.source;

/**
 * One problem found while loading a scenario, a fragment or a baseline: where it is (file, line,
 * column; line and column are 1-based, 0 when unknown) and what was expected instead.
 */
public record Diagnostic(String file, int line, int column, String message) {

  public static Diagnostic at(SourceLocation where, String message) {
    return new Diagnostic(where.file(), where.line(), where.column(), message);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}

package io.tripline.core.text;

/**
 * Text that cannot be read as JSON or YAML, with where (1-based line and column; 0 when unknown)
 * and what to do. The file name is added by whoever knows it ({@link #in(String)}).
 */
public final class LocatedTextException extends RuntimeException {

  private final int line;
  private final int column;
  private final String problem;

  public LocatedTextException(int line, int column, String problem) {
    super(line > 0 ? line + ":" + column + ": " + problem : problem);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** {@code file:line:col: problem}. */
  public String in(String file) {
    return line > 0 ? file + ":" + line + ":" + column + ": " + problem : file + ": " + problem;
  }
}

package io.tripline.core.log;

/** Thrown in {@link ReadMode#STRICT} mode at the first problem; the problem itself is a value. */
public final class LogReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ReadProblem problem;

  public LogReadException(ReadProblem problem) {
    super(problem.describe());
    this.problem = problem;
  }

  public ReadProblem problem() {
    return problem;
  }
}

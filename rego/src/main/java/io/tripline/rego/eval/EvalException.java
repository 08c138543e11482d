package io.tripline.rego.eval;

import io.tripline.rego.ast.Location;

/**
 * Evaluation stopped with an error, as OPA reports it: a code ({@code eval_conflict_error},
 * {@code eval_type_error}, {@code eval_builtin_error}), a message and where it happened.
 */
public final class EvalException extends RuntimeException {
  private final String code;
  private final Location location;

  public EvalException(String code, String message, Location location) {
    super(message, null, false, false);
    this.code = code;
    this.location = location;
  }

  public String code() {
    return code;
  }

  public Location location() {
    return location;
  }

  @Override
  public String toString() {
    return location + ": " + code + ": " + getMessage();
  }
}

package io.tripline.rego.compiler;

import io.tripline.rego.ast.Location;

/** One compile error, printed as OPA does: {@code file:line:col: rego_<kind>_error: message}. */
public record CompileError(Location location, String code, String message) {
  @Override
  public String toString() {
    return location + ": " + code + ": " + message;
  }
}

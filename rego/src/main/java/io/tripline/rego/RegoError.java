package io.tripline.rego;

import io.tripline.rego.ast.Location;

/** One error from parsing, compiling or evaluating, with OPA's code ({@code rego_parse_error}, ...). */
public record RegoError(String code, String message, Location location) {
  @Override
  public String toString() {
    if (location == null || location.line() == 0) {
      return code + ": " + message;
    }
    // OPA prints evaluation errors at file:line, compile errors at file:line:col
    String at = code.startsWith("eval_") && !location.file().isEmpty()
        ? location.file() + ":" + location.line()
        : location.toString();
    return at + ": " + code + ": " + message;
  }
}

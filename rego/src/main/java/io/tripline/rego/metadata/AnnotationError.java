package io.tripline.rego.metadata;

import io.tripline.rego.ast.Location;

/** A {@code # METADATA} block that OPA would reject: reported as {@code rego_parse_error} at its location. */
public record AnnotationError(String message, Location location) {
  public static final String CODE = "rego_parse_error";

  @Override
  public String toString() {
    return location + ": " + CODE + ": " + message;
  }
}

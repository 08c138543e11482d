package io.tripline.rego.parser;

import io.tripline.rego.ast.Location;

/** A syntax error at a location, reported as {@code file:line:col: rego_parse_error: message}. */
public final class ParseException extends RuntimeException {
  private final Location location;

  public ParseException(Location location, String message) {
    super(message, null, false, false);
    this.location = location;
  }

  public Location location() {
    return location;
  }

  @Override
  public String toString() {
    return location + ": rego_parse_error: " + getMessage();
  }
}

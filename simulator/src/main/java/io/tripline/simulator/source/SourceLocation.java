package io.tripline.simulator.source;

/** A position in a YAML source file, 1-based. */
public record SourceLocation(String file, int line, int column) {

  public static SourceLocation start(String file) {
    return new SourceLocation(file, 1, 1);
  }
}

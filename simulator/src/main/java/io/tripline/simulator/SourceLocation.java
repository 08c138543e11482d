package io.tripline.simulator;

/** A position in a YAML source file, 1-based. */
record SourceLocation(String file, int line, int column) {

  static SourceLocation start(String file) {
    return new SourceLocation(file, 1, 1);
  }
}

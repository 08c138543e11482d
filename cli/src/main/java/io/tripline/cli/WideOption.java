package io.tripline.cli;

import picocli.CommandLine.Option;

/** {@code --wide}: full lines on a terminal instead of wrapping or cutting them to its width. */
public final class WideOption {

  @Option(names = "--wide", description = "Print full lines on a terminal too (default there: wrap or cut with … to its width).")
  boolean wide;

  public boolean wide() {
    return wide;
  }
}

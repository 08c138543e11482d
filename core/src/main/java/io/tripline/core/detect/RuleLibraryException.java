package io.tripline.core.detect;

import java.util.List;

/** The rule library does not load: each problem names the file (and line) and what to fix. */
public final class RuleLibraryException extends Exception {
  private final List<String> problems;

  public RuleLibraryException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

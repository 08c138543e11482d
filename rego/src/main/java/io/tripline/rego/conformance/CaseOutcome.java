package io.tripline.rego.conformance;

/** The outcome of one case: where it is, whether it passed, and expected versus got when not. */
public record CaseOutcome(String folder, String file, String note, Status status, String expected, String got) {
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }
}

package io.tripline.rego.test;

/** How one test ended, as {@code opa test} words it. */
public enum TestOutcome {
  PASS,
  FAIL,
  ERROR,
  SKIPPED
}

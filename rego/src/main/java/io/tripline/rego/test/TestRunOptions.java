package io.tripline.rego.test;

import com.google.re2j.Pattern;

/**
 * How to run tests: {@code run} selects tests whose full name ({@code data.pkg.test_x})
 * matches (RE2, unanchored; null runs all); {@code coverage} records which lines ran;
 * {@code strictBuiltinErrors} turns builtin errors into test errors.
 */
public record TestRunOptions(Pattern run, boolean coverage, boolean strictBuiltinErrors) {
  public static final TestRunOptions DEFAULT = new TestRunOptions(null, false, false);

  public TestRunOptions run(String regex) {
    return new TestRunOptions(regex == null ? null : Pattern.compile(regex), coverage, strictBuiltinErrors);
  }

  public TestRunOptions coverage(boolean on) {
    return new TestRunOptions(run, on, strictBuiltinErrors);
  }

  public TestRunOptions strict(boolean on) {
    return new TestRunOptions(run, coverage, on);
  }
}

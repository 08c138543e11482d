package io.tripline.rego.test;

import com.google.re2j.Pattern;

/**
 * How to run tests: {@code run} selects tests whose full name ({@code data.pkg.test_x})
 * matches (RE2, unanchored; null runs all); {@code coverage} records which lines ran;
 * {@code strictBuiltinErrors} turns builtin errors into test errors; {@code timeout} limits each test.
 */
public record TestRunOptions(Pattern run, boolean coverage, boolean strictBuiltinErrors, java.time.Duration timeout) {
  public static final TestRunOptions DEFAULT = new TestRunOptions(null, false, false, null);

  public TestRunOptions(Pattern run, boolean coverage, boolean strictBuiltinErrors) {
    this(run, coverage, strictBuiltinErrors, null);
  }

  public TestRunOptions run(String regex) {
    return new TestRunOptions(regex == null ? null : Pattern.compile(regex), coverage, strictBuiltinErrors, timeout);
  }

  public TestRunOptions coverage(boolean on) {
    return new TestRunOptions(run, on, strictBuiltinErrors, timeout);
  }

  public TestRunOptions strict(boolean on) {
    return new TestRunOptions(run, coverage, on, timeout);
  }

  /** A wall-clock limit per test ({@code opa test --timeout}); null or zero: none. A test past it is an ERROR. */
  public TestRunOptions timeout(java.time.Duration d) {
    return new TestRunOptions(run, coverage, strictBuiltinErrors, d == null || d.isZero() ? null : d);
  }
}

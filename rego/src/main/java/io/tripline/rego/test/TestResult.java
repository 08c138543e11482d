package io.tripline.rego.test;

import io.tripline.rego.ast.Location;
import java.time.Duration;
import java.util.List;

/**
 * One test rule's result: its package ({@code data.pkg}) and rule name ({@code test_x}), where
 * it is defined, the outcome, the error message for {@code ERROR}, its {@code print} output, and
 * for a parameterized test ({@code test_x[name] if ...}) the outcome of each sub-test by key.
 */
public record TestResult(
    String packagePath, String name, Location location, TestOutcome outcome, String error, List<String> output,
    Duration duration, List<SubTest> subTests) {

  /** One key of a parameterized test: passed when the test's value at the key is true. */
  public record SubTest(String name, boolean passed) {}

  public TestResult(
      String packagePath, String name, Location location, TestOutcome outcome, String error, List<String> output,
      Duration duration) {
    this(packagePath, name, location, outcome, error, output, duration, List.of());
  }

  /** {@code data.pkg.test_x}. */
  public String fullName() {
    return packagePath + "." + name;
  }
}

package io.tripline.rego.test;

import io.tripline.rego.ast.Location;
import java.time.Duration;
import java.util.List;

/**
 * One test rule's result: its package ({@code data.pkg}) and rule name ({@code test_x}), where
 * it is defined, the outcome, the error message for {@code ERROR}, and its {@code print} output.
 */
public record TestResult(
    String packagePath, String name, Location location, TestOutcome outcome, String error, List<String> output,
    Duration duration) {

  /** {@code data.pkg.test_x}. */
  public String fullName() {
    return packagePath + "." + name;
  }
}

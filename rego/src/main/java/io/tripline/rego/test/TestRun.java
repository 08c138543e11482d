package io.tripline.rego.test;

import java.util.List;

/** Every test's result in run order, and the coverage report when coverage was asked for (else null). */
public record TestRun(List<TestResult> results, CoverageReport coverage) {

  public long count(TestOutcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  public long passed() {
    return count(TestOutcome.PASS);
  }

  /** Failed tests plus tests that ended in an error (skipped tests count as neither). */
  public long failed() {
    return count(TestOutcome.FAIL) + count(TestOutcome.ERROR);
  }

  public boolean ok() {
    return failed() == 0;
  }
}

package io.tripline.rego.test;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A test run as text, in the layout of {@code opa test}'s pretty reporter: for each reported
 * test its {@code file:line:} and {@code data.pkg.test_x: OUTCOME (duration)}, print output
 * indented, errors under the test; then the {@code PASS: n/total} summary. Without
 * {@code verbose} only tests that did not pass are listed, as OPA does. The text ends with
 * {@code N passed, M failed} alone on the last line (errors count as failed; skipped as neither).
 */
public final class TestReportText {
  private static final String RULE = "-".repeat(80);

  private TestReportText() {}

  public static String format(TestRun run, boolean verbose) {
    StringBuilder sb = new StringBuilder();
    boolean dirty = false;
    String lastFile = null;
    for (TestResult r : run.results()) {
      boolean passed = r.outcome() == TestOutcome.PASS;
      if (verbose || !passed) {
        String file = r.location().file();
        if (lastFile != null && !lastFile.equals(file)) {
          sb.append('\n');
        }
        sb.append(file).append(':').append(r.location().line()).append(":\n");
        lastFile = file;
        dirty = true;
        sb.append(line(r)).append('\n');
        for (TestResult.SubTest st : r.subTests()) {
          sb.append("  ").append(st.name()).append(": ").append(st.passed() ? "PASS" : "FAIL").append('\n');
        }
        if (!r.output().isEmpty()) {
          sb.append('\n');
          for (String l : String.join("\n", r.output()).strip().split("\n", -1)) {
            sb.append("  ").append(l).append('\n');
          }
          sb.append('\n');
        }
      }
      if (r.error() != null) {
        for (String l : r.error().split("\n")) {
          sb.append("  ").append(l).append('\n');
        }
      }
    }
    if (dirty) {
      sb.append(RULE).append('\n');
    }
    long total = run.results().size();
    appendCount(sb, "PASS", run.count(TestOutcome.PASS), total);
    appendCount(sb, "FAIL", run.count(TestOutcome.FAIL), total);
    appendCount(sb, "SKIPPED", run.count(TestOutcome.SKIPPED), total);
    appendCount(sb, "ERROR", run.count(TestOutcome.ERROR), total);
    sb.append(run.passed()).append(" passed, ").append(run.failed()).append(" failed\n");
    return sb.toString();
  }

  /** {@code data.pkg.test_x: PASS (1.2ms)}; skipped tests have no duration. */
  static String line(TestResult r) {
    if (r.outcome() == TestOutcome.SKIPPED) {
      return r.fullName() + ": SKIPPED";
    }
    return r.fullName() + ": " + r.outcome() + " (" + goDuration(r.duration()) + ")";
  }

  private static void appendCount(StringBuilder sb, String label, long n, long total) {
    if (n != 0) {
      sb.append(label).append(": ").append(n).append('/').append(total).append('\n');
    }
  }

  /** A duration as Go's {@code time.Duration} prints it: {@code 850ns}, {@code 215.791µs}, {@code 1.5ms}, {@code 2.1s}. */
  static String goDuration(Duration d) {
    long ns = d.toNanos();
    if (ns < 1_000) {
      return ns + "ns";
    }
    if (ns < 1_000_000) {
      return decimal(ns, 3) + "µs";
    }
    if (ns < 1_000_000_000) {
      return decimal(ns, 6) + "ms";
    }
    return decimal(ns, 9) + "s";
  }

  private static String decimal(long ns, int scale) {
    return BigDecimal.valueOf(ns, scale).stripTrailingZeros().toPlainString();
  }
}

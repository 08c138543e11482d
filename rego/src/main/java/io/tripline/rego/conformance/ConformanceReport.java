package io.tripline.rego.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** All outcomes of a run, with totals overall and per folder. */
public record ConformanceReport(List<CaseOutcome> outcomes) {

  public long count(CaseOutcome.Status s) {
    return outcomes.stream().filter(o -> o.status() == s).count();
  }

  public List<CaseOutcome> failures() {
    return outcomes.stream().filter(o -> o.status() == CaseOutcome.Status.FAILED).toList();
  }

  /** Per folder: {passed, failed, skipped}, folders sorted by name. */
  public Map<String, long[]> byFolder() {
    Map<String, long[]> out = new TreeMap<>();
    for (CaseOutcome o : outcomes) {
      long[] c = out.computeIfAbsent(o.folder(), k -> new long[3]);
      c[o.status().ordinal()]++;
    }
    return out;
  }

  /** Passed / (passed + failed) in percent; 100 when nothing ran. */
  public double passPercent() {
    long p = count(CaseOutcome.Status.PASSED);
    long f = count(CaseOutcome.Status.FAILED);
    return p + f == 0 ? 100.0 : 100.0 * p / (p + f);
  }

  /** The closing line: {@code N passed, M failed, K skipped}. */
  public String summaryLine() {
    return count(CaseOutcome.Status.PASSED) + " passed, " + count(CaseOutcome.Status.FAILED) + " failed, "
        + count(CaseOutcome.Status.SKIPPED) + " skipped";
  }
}

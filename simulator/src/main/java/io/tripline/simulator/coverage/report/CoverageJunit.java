package io.tripline.simulator.coverage.report;

import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.ExpectationResult;
import io.tripline.simulator.coverage.ScenarioResult;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML (the Ant/Jenkins format CI tools read; {@code junit.xsd} beside this class): one
 * test suite per scenario, one test case per expectation. A missed expectation is a failure
 * naming the technique or rule and the rules that should have fired; a step no trail recorded is
 * skipped, with the reason.
 */
public final class CoverageJunit {
  public static final String XSD_RESOURCE = "/io/tripline/simulator/coverage/report/junit.xsd";

  private CoverageJunit() {}

  public static String of(CoverageReport r, RuleLibrary library) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int tests = 0;
    int failures = 0;
    for (ScenarioResult s : r.scenarios()) {
      tests += s.expectations().size();
      failures += (int) s.expectations().stream().filter(e -> e.judged() && !e.held()).count();
    }
    b.append(String.format(Locale.ROOT, "<testsuites name=\"tripline coverage\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
        tests, failures, r.elapsed().toMillis() / 1000.0));
    for (ScenarioResult s : r.scenarios()) {
      long f = s.expectations().stream().filter(e -> e.judged() && !e.held()).count();
      long skipped = s.expectations().stream().filter(e -> !e.judged()).count();
      b.append(String.format("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"0\">%n",
          Text.xml(s.id()), s.expectations().size(), f, skipped));
      for (ExpectationResult e : s.expectations()) {
        String where = (e.step() < 0 ? "scenario" : "step " + (e.step() + 1) + " (" + e.stepName() + ")")
            + (e.deniedByPolicy() ? " [denied by the account's policies: judged on the denied attempt]" : "");
        String name = where + ": " + (e.kind().equals("fire") ? "fires " : "stays quiet for ") + e.target();
        b.append("    <testcase classname=\"").append(Text.xml(s.id())).append("\" name=\"").append(Text.xml(name)).append("\" time=\"0\"");
        if (!e.judged()) {
          b.append(">\n      <skipped>").append(Text.xml("not logged: " + e.notLogged())).append("</skipped>\n    </testcase>\n");
        } else if (!e.held()) {
          String message = e.kind().equals("fire")
              ? e.target() + " did not fire on " + where
              : e.target() + " fired on " + where + " (" + String.join(", ", e.firedBy()) + ")";
          b.append(">\n      <failure type=\"").append(e.kind().equals("fire") ? "missed" : "noisy").append("\" message=\"")
              .append(Text.xml(message)).append("\">").append(Text.xml(detail(e, library))).append("</failure>\n    </testcase>\n");
        } else {
          b.append("/>\n");
        }
      }
      b.append("  </testsuite>\n");
    }
    return b.append("</testsuites>\n").toString();
  }

  private static String detail(ExpectationResult e, RuleLibrary library) {
    if (!e.kind().equals("fire")) {
      return "Rules that fired although the step expects quiet: " + String.join(", ", e.firedBy());
    }
    List<String> should = library.rules().stream()
        .filter(r -> r.id().equalsIgnoreCase(e.target()) || r.techniqueIds().stream().anyMatch(t -> library.aliases().same(t, e.target())))
        .map(RuleInfo::id).toList();
    return should.isEmpty()
        ? "No rule in the library is tagged " + e.target() + ": a coverage gap."
        : "Rules that should have fired: " + String.join(", ", should);
  }
}

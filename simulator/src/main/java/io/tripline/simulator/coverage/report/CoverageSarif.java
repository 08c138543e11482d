package io.tripline.simulator.coverage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.report.FindingsSarif;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.ExpectationResult;
import io.tripline.simulator.coverage.ScenarioResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage as SARIF 2.1.0: the rules as {@code reportingDescriptor}s from their metadata, plus
 * two of Tripline's own ({@code TRIPLINE-MISSED}, {@code TRIPLINE-NOISY}); one result per missed
 * or broken expectation (at the scenario file) and one per false positive on the baselines (at the
 * rule's file).
 */
public final class CoverageSarif {
  private CoverageSarif() {}

  public static ObjectNode of(CoverageReport r, RuleLibrary library, String version) {
    List<Finding> falsePositives = r.baseline().findings();
    ObjectNode log = FindingsSarif.of(library.rules(), List.of(), version);
    ObjectNode run = (ObjectNode) log.withArray("runs").get(0);
    ArrayNode rules = (ArrayNode) run.get("tool").get("driver").get("rules");
    int missedIndex = rules.size();
    rules.addObject().put("id", "TRIPLINE-MISSED").put("name", "missed-expectation")
        .putObject("shortDescription").put("text", "A scenario step expected a technique or rule to fire and none did");
    rules.addObject().put("id", "TRIPLINE-NOISY").put("name", "broken-quiet-expectation")
        .putObject("shortDescription").put("text", "A rule fired where the scenario expects quiet");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).get("id").asText(), i);
    }
    ArrayNode results = (ArrayNode) run.get("results");
    for (ScenarioResult s : r.scenarios()) {
      for (ExpectationResult e : s.expectations()) {
        if (!e.judged() || e.held()) {
          continue;
        }
        boolean missed = e.kind().equals("fire");
        ObjectNode res = results.addObject();
        res.put("ruleId", missed ? "TRIPLINE-MISSED" : "TRIPLINE-NOISY");
        res.put("ruleIndex", missed ? missedIndex : missedIndex + 1);
        res.put("level", "error");
        String where = (e.step() < 0 ? "scenario " + s.id() : "step " + (e.step() + 1) + " (" + e.stepName() + ") of " + s.id())
            + (e.deniedByPolicy() ? ", which the account's policies denied (judged on the denied attempt)" : "");
        res.putObject("message").put("text", missed
            ? e.target() + " did not fire on " + where
            : e.target() + " fired on " + where + " (" + String.join(", ", e.firedBy()) + ")");
        location(res, s.file());
        ObjectNode props = res.putObject("properties");
        props.put("scenario", s.id());
        props.put("step", e.step());
        props.put("target", e.target());
        if (e.deniedByPolicy()) {
          props.put("deniedByPolicy", true);
        }
      }
    }
    for (Finding f : falsePositives) {
      ObjectNode res = results.addObject();
      RuleInfo rule = f.rule();
      res.put("ruleId", rule.id());
      Integer index = ruleIndex.get(rule.id());
      if (index != null) {
        res.put("ruleIndex", index);
      }
      res.put("level", "warning");
      res.putObject("message").put("text", "false positive on baseline activity: " + f.message());
      location(res, rule.file());
      ObjectNode props = res.putObject("properties");
      props.put("baseline", true);
      props.put("eventID", f.trigger().eventID());
      props.put("principalArn", f.trigger().principalArn());
    }
    return log;
  }

  /** The result's location: the file, when known (SARIF has no use for an empty URI). */
  private static void location(ObjectNode res, String file) {
    if (file == null || file.isBlank()) {
      return;
    }
    res.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
        .put("uri", FindingsSarif.artifactUri(file));
  }
}

package io.tripline.simulator.coverage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.TechniqueResult;

/**
 * An ATT&CK Navigator layer (layer format 4.5) for the enterprise domain: each technique, under
 * its current ID (aliases resolved), scored 100 when a scenario caught it, 50 when only rules
 * cover it (no scenario exercises it), 0 when a scenario exercised it and nothing fired (a gap);
 * comments name the rules and scenarios.
 */
public final class CoverageNavigator {
  /**
   * Class-path location of the JSON Schema (draft 2020-12) of layer format 4.5, written from
   * MITRE's specification; the layers this class writes validate against it (tested).
   */
  public static final String SCHEMA_RESOURCE = "/io/tripline/simulator/coverage/report/attack-navigator-layer-4.5.schema.json";

  private CoverageNavigator() {}

  public static ObjectNode of(CoverageReport r) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode layer = n.objectNode();
    layer.put("name", "Tripline detection coverage");
    ObjectNode versions = layer.putObject("versions");
    versions.put("attack", r.attackVersion());
    versions.put("navigator", "5.1.0");
    versions.put("layer", "4.5");
    layer.put("domain", "enterprise-attack");
    layer.put("description", String.format("Step coverage %.1f%% (%d/%d steps), %d scenarios, %d rules, %d false positives on %,d baseline records",
        r.stepCoverage(), r.stepsCaught(), r.stepsExpected(), r.scenarios().size(), r.rules().size(),
        r.baseline().falsePositives(), r.baseline().records()));
    ArrayNode platforms = layer.putObject("filters").putArray("platforms");
    platforms.add("IaaS");
    layer.put("sorting", 3);
    ObjectNode gradient = layer.putObject("gradient");
    ArrayNode colors = gradient.putArray("colors");
    colors.add("#e5533dff").add("#f4d35eff").add("#52b788ff");
    gradient.put("minValue", 0);
    gradient.put("maxValue", 100);
    ArrayNode techniques = layer.putArray("techniques");
    for (TechniqueResult t : r.techniques()) {
      ObjectNode x = techniques.addObject();
      x.put("techniqueID", t.id());
      int score = !t.caughtIn().isEmpty() ? 100 : t.exercisedBy().isEmpty() && !t.rules().isEmpty() ? 50 : 0;
      x.put("score", score);
      x.put("enabled", true);
      x.put("showSubtechniques", false);
      StringBuilder c = new StringBuilder();
      c.append("Rules: ").append(t.rules().isEmpty() ? "none" : String.join(", ", t.rules()));
      if (!t.exercisedBy().isEmpty()) {
        c.append(". Scenarios: ").append(String.join(", ", t.exercisedBy()));
        c.append(t.gap() ? ". GAP: exercised, nothing fired" : ". Caught in: " + String.join(", ", t.caughtIn()));
      }
      if (t.aliases().size() > 1) {
        c.append(". Also known as ").append(String.join(", ", t.aliases().subList(1, t.aliases().size())));
      }
      x.put("comment", c.toString());
    }
    ObjectNode legend = n.objectNode().put("label", "caught by a rule in a scenario").put("color", "#52b788");
    layer.putArray("legendItems").add(legend)
        .add(n.objectNode().put("label", "rules only (no scenario exercises it)").put("color", "#f4d35e"))
        .add(n.objectNode().put("label", "gap: exercised, nothing fired").put("color", "#e5533d"));
    return layer;
  }
}

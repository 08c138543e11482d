package io.tripline.iam.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedDocuments;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.metadata.RuleAnnotations;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled IAM checks: every package {@code tripline.iam.checks.NAME} with a {@code finding}
 * rule, evaluated together per effective-access document. Thread-safe once built.
 */
public final class IamChecks {

  static final String PREFIX = "data.tripline.iam.checks.";

  private final PreparedDocuments documents;
  private final Map<String, IamCheck> checks;

  private IamChecks(PreparedDocuments documents, Map<String, IamCheck> checks) {
    this.documents = documents;
    this.checks = checks;
  }

  /**
   * Compiles the modules (file name to Rego text) with {@code data}.
   *
   * @throws io.tripline.rego.RegoException when a module does not compile (errors with file:line:col)
   * @throws IllegalArgumentException when a check lacks its METADATA id or severity
   */
  public static IamChecks compile(Map<String, String> modules, Value data) {
    PreparedPolicy policy = Rego.compile(modules, data);
    Map<String, IamCheck> checks = new LinkedHashMap<>();
    for (RuleAnnotations r : policy.annotations().rules()) {
      String pkg = "data." + String.join(".", r.packagePath());
      if (!r.name().equals("finding") || !pkg.startsWith(PREFIX) || pkg.endsWith("_test") || checks.containsKey(pkg)) {
        continue;
      }
      checks.put(pkg, check(pkg, r));
    }
    List<String> refs = checks.keySet().stream().map(p -> p + ".finding").toList();
    return new IamChecks(policy.prepareDocuments(refs), checks);
  }

  /** The checks, in package order. */
  public List<IamCheck> checks() {
    return List.copyOf(checks.values());
  }

  /** Every finding of every check for one principal's effective-access document, in check order. */
  public List<IamFinding> evaluate(JsonNode document) {
    Map<String, Value> out = documents.evaluate(ValueJson.fromNode(document), EvalOptions.DEFAULT);
    List<IamFinding> findings = new ArrayList<>();
    for (Map.Entry<String, IamCheck> e : checks.entrySet()) {
      Value v = out.get(e.getKey() + ".finding");
      if (!(v instanceof SetValue set)) {
        continue;
      }
      for (Value f : set.elements()) {
        JsonNode node = ValueJson.toNode(f);
        List<String> actions = new ArrayList<>();
        node.path("actions").forEach(a -> actions.add(a.asText()));
        findings.add(new IamFinding(e.getValue(), node.path("principal").asText(document.path("principal").path("arn").asText()),
            node.path("message").asText(), actions, node));
      }
    }
    findings.sort(Comparator.comparing((IamFinding f) -> f.check().severity()).reversed().thenComparing(f -> f.check().id()));
    return findings;
  }

  private static IamCheck check(String pkg, RuleAnnotations r) {
    String id = r.custom("id").map(IamChecks::text).orElseThrow(() -> new IllegalArgumentException(
        pkg + " (" + r.location() + "): METADATA custom.id is missing; every IAM check needs a stable id such as TRL-IAM-010"));
    String sev = r.custom("severity").map(IamChecks::text).orElse("");
    Severity severity = Severity.parse(sev).orElseThrow(() -> new IllegalArgumentException(
        pkg + " (" + r.location() + "): METADATA custom.severity '" + sev + "' is not one of informational, low, medium, high, critical"));
    int risk = r.custom("risk_score").map(v -> ValueJson.toNode(v).asInt()).orElse(0);
    List<String> mitre = new ArrayList<>();
    r.custom("mitre").ifPresent(v -> ValueJson.toNode(v).forEach(m -> mitre.add(m.isObject() ? m.path("id").asText() : m.asText())));
    return new IamCheck(id, pkg, r.title(), r.description(), severity, risk, mitre, strings(r, "references"), strings(r, "response"));
  }

  private static List<String> strings(RuleAnnotations r, String key) {
    List<String> out = new ArrayList<>();
    r.custom(key).filter(v -> v instanceof ArrayValue).ifPresent(v -> ValueJson.toNode(v).forEach(n -> out.add(n.asText())));
    return out;
  }

  private static String text(Value v) {
    JsonNode n = ValueJson.toNode(v);
    return n.isTextual() ? n.asText() : n.toString();
  }
}

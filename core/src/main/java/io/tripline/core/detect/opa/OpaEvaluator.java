package io.tripline.core.detect.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.RecordEvaluator;
import io.tripline.core.detect.RecordVerdict;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule library evaluated by a running OPA over its REST Data API. Records go in batches to
 * the wrapper package {@code tripline.opa} ({@code POST /v1/data/tripline/opa/batch}, see
 * {@code lib/opa_batch.rego}); a correlation rule's batch goes to its own {@code alert}. The
 * library's metadata is read locally from the same policy files: OPA answers with rule package
 * paths, mapped back to {@link RuleInfo}s. A record OPA cannot evaluate gets a verdict with the
 * error, as in the embedded engine.
 */
public final class OpaEvaluator implements RecordEvaluator {
  static final String BATCH_PATH = "tripline/opa/batch";

  private final OpaClient client;
  private final int batchSize;
  private final Map<String, Integer> recordRules = new HashMap<>();
  private final Map<String, Integer> correlationRules = new HashMap<>();
  private final List<RuleInfo> rules;

  public OpaEvaluator(RuleLibrary library, OpaSettings settings) throws DetectionException {
    this.rules = library.rules();
    for (int i = 0; i < rules.size(); i++) {
      RuleInfo r = rules.get(i);
      if (r.packagePath().split("\\.").length != 5) {
        throw new DetectionException(r.file() + ": package " + r.packagePath() + " (rule " + r.id()
            + ") cannot run on OPA: the batch package lib/opa_batch.rego finds rules at "
            + "tripline.rules.<provider>.<service>.<name>, as the rule contract says; move the package there");
      }
      (r.kind().correlation() ? correlationRules : recordRules).put(r.packagePath(), i);
    }
    this.client = new OpaClient(settings);
    this.batchSize = settings.batchSize();
  }

  /** Connects with default timeouts and retries, {@code concurrency} requests in flight at most. */
  public static OpaEvaluator connect(RuleLibrary library, URI url, int concurrency) throws DetectionException {
    return new OpaEvaluator(library, OpaSettings.defaults(url).concurrency(concurrency));
  }

  @Override
  public List<RecordVerdict> evaluate(List<Value> inputs) throws DetectionException {
    List<RecordVerdict> out = new ArrayList<>(inputs.size());
    for (int from = 0; from < inputs.size(); from += batchSize) {
      out.addAll(evaluateBatch(inputs.subList(from, Math.min(inputs.size(), from + batchSize))));
    }
    return out;
  }

  private List<RecordVerdict> evaluateBatch(List<Value> inputs) throws DetectionException {
    JsonNode result;
    try {
      result = client.post(BATCH_PATH, request(inputs));
    } catch (OpaEvaluationException e) {
      if (inputs.size() == 1) {
        return List.of(RecordVerdict.failed(e.getMessage()));
      }
      // one record failed the whole request: evaluate one by one so only it carries the error
      List<RecordVerdict> out = new ArrayList<>(inputs.size());
      for (Value input : inputs) {
        out.addAll(evaluateBatch(List.of(input)));
      }
      return out;
    }
    if (result == null) {
      throw new DetectionException("OPA at " + client.url() + " has no document at data.tripline.opa.batch "
          + "(POST /v1/data/" + BATCH_PATH + " answered without a result): load the batch package "
          + "lib/opa_batch.rego with the rules, e.g. `opa run --server policies/src/main/resources`");
    }
    if (!result.isArray() || result.size() != inputs.size()) {
      throw new DetectionException("OPA at " + client.url() + " answered POST /v1/data/" + BATCH_PATH
          + " with " + (result.isArray() ? result.size() + " verdicts for " + inputs.size() + " records" : "a "
          + result.getNodeType().name().toLowerCase() + ", not an array of verdicts")
          + "; is its lib/opa_batch.rego the one shipped with this Tripline?");
    }
    List<RecordVerdict> out = new ArrayList<>(inputs.size());
    for (JsonNode verdict : result) {
      out.add(verdict(verdict));
    }
    return out;
  }

  private static JsonNode request(List<Value> inputs) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    ArrayNode records = input.putArray("records");
    for (Value v : inputs) {
      // a record read from a log is a view of its JSON: send that JSON as it is
      JsonNode node = ValueJson.backingNode(v);
      records.add(node != null ? node : ValueJson.toNode(v));
    }
    return input;
  }

  /** One record's verdict, rules in library order as the embedded engine gives them. */
  private RecordVerdict verdict(JsonNode verdict) {
    JsonNode alerts = verdict.path("alerts");
    JsonNode matched = verdict.path("matched");
    if (alerts.isEmpty() && matched.isEmpty()) {
      return RecordVerdict.NONE;
    }
    Map<Integer, List<Value>> byRule = new TreeMap<>();
    alerts.fields().forEachRemaining(e -> {
      Integer i = recordRules.get(e.getKey());
      if (i != null && e.getValue().isArray() && !e.getValue().isEmpty()) {
        List<Value> set = new ArrayList<>(e.getValue().size());
        e.getValue().forEach(a -> set.add(ValueJson.fromNode(a)));
        byRule.put(i, SetValue.of(set).elements());
      }
    });
    List<Integer> matchedRules = new ArrayList<>();
    for (JsonNode pkg : matched) {
      Integer i = correlationRules.get(pkg.asText());
      if (i != null) {
        matchedRules.add(i);
      }
    }
    if (byRule.isEmpty() && matchedRules.isEmpty()) {
      return RecordVerdict.NONE;
    }
    Map<RuleInfo, List<Value>> alertMap = new LinkedHashMap<>();
    byRule.forEach((i, list) -> alertMap.put(rules.get(i), list));
    List<RuleInfo> matchedList = matchedRules.stream().sorted().distinct().map(rules::get).toList();
    return new RecordVerdict(alertMap.isEmpty() ? Map.of() : alertMap, matchedList, null);
  }

  @Override
  public BatchVerdict alerts(RuleInfo rule, Value batch) throws DetectionException {
    String path = rule.packagePath().replace('.', '/') + "/alert";
    JsonNode result;
    try {
      result = client.post(path, ValueJson.toNode(batch));
    } catch (OpaEvaluationException e) {
      return new BatchVerdict(List.of(), e.getMessage());
    }
    if (result == null) {
      throw new DetectionException("OPA at " + client.url() + " has no document at " + rule.alertRef()
          + " (POST /v1/data/" + path + " answered without a result): rule " + rule.id() + " (" + rule.file()
          + ") is not loaded there; start OPA with the same policies as Tripline's --policies");
    }
    List<Value> alerts = new ArrayList<>(result.size());
    result.forEach(a -> alerts.add(ValueJson.fromNode(a)));
    return new BatchVerdict(alerts.isEmpty() ? List.of() : SetValue.of(alerts).elements(), null);
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public void close() {
    client.close();
  }
}

package io.tripline.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import io.tripline.rego.value.ValueOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values {@code new_value} rules have seen, per rule, group and field: what makes "first time
 * this principal reads the trail bucket" mean something. Filled by runs (and by earlier logs given
 * with {@code --history}); saved to and read from a JSON state file:
 * {@code {"version": 1, "rules": {"<id>": {"<group>": {"<field>": [values]}}}}}.
 * Memory grows with distinct (group, value) pairs, not with log size. Values are kept in hash
 * sets (the correlator asks "seen before?" for nearly every record) and sorted in Rego's order
 * when a rule or the state file sees them. Not thread-safe.
 */
public final class CorrelationHistory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Map<String, Map<String, Set<Value>>>> rules = new HashMap<>();

  /** The values seen for each field of the rule's group, sorted, as a Rego object (empty arrays when none). */
  Map<String, ArrayValue> seen(RuleInfo rule, String group) {
    Map<String, Set<Value>> fields = rules.getOrDefault(rule.id(), Map.of()).getOrDefault(group, Map.of());
    Map<String, ArrayValue> out = new HashMap<>();
    for (String f : rule.newValue()) {
      Set<Value> values = fields.get(f);
      out.put(f, values == null ? ArrayValue.EMPTY : ArrayValue.of(sorted(values)));
    }
    return out;
  }

  private static List<Value> sorted(Set<Value> values) {
    List<Value> list = new ArrayList<>(values);
    list.sort(ValueOrder.INSTANCE);
    return list;
  }

  /** The live values of one rule and group per field (created when missing): the correlator adds to them directly. */
  Map<String, Set<Value>> fields(RuleInfo rule, String group) {
    return rules.computeIfAbsent(rule.id(), k -> new HashMap<>()).computeIfAbsent(group, k -> new HashMap<>());
  }

  /** An empty set of one field's values. */
  static Set<Value> newValueSet() {
    return new HashSet<>();
  }

  /** An independent copy (what a run adds to it does not reach this one). */
  public CorrelationHistory copy() {
    CorrelationHistory c = new CorrelationHistory();
    rules.forEach((id, groups) -> groups.forEach((group, fields) -> fields.forEach((field, values) ->
        c.rules.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(group, k -> new HashMap<>())
            .computeIfAbsent(field, k -> newValueSet()).addAll(values))));
    return c;
  }

  /** How many (rule, group, field, value) entries are kept. */
  public long size() {
    long n = 0;
    for (var groups : rules.values()) {
      for (var fields : groups.values()) {
        for (var values : fields.values()) {
          n += values.size();
        }
      }
    }
    return n;
  }

  /** Writes the state file. */
  public void write(Path file) throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", 1);
    ObjectNode rs = root.putObject("rules");
    rules.forEach((id, groups) -> {
      ObjectNode g = rs.putObject(id);
      groups.forEach((group, fields) -> {
        ObjectNode f = g.putObject(group);
        fields.forEach((field, values) -> {
          ArrayNode a = f.putArray(field);
          sorted(values).forEach(v -> a.add(ValueJson.toNode(v)));
        });
      });
    });
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  /** Whether a file is a state file (rather than CloudTrail logs). */
  public static boolean isStateFile(Path file) {
    if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".json")) {
      return false;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      return root != null && root.has("version") && root.has("rules") && !root.has("Records");
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a state file; the message names the file and JSON pointer of what is wrong. */
  public static CorrelationHistory read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a JSON history state file: " + e.getMessage(), e);
    }
    if (root == null || root.path("version").asInt() != 1 || !root.path("rules").isObject()) {
      throw new IOException(file + ": /version must be 1 and /rules an object (a file written by --save-history)");
    }
    CorrelationHistory h = new CorrelationHistory();
    for (Iterator<Map.Entry<String, JsonNode>> r = root.get("rules").fields(); r.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = r.next();
      for (Iterator<Map.Entry<String, JsonNode>> g = rule.getValue().fields(); g.hasNext(); ) {
        Map.Entry<String, JsonNode> group = g.next();
        for (Iterator<Map.Entry<String, JsonNode>> f = group.getValue().fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> field = f.next();
          if (!field.getValue().isArray()) {
            throw new IOException(file + ": /rules/" + rule.getKey() + "/" + group.getKey() + "/" + field.getKey() + " must be an array");
          }
          for (JsonNode v : field.getValue()) {
            h.rules.computeIfAbsent(rule.getKey(), k -> new HashMap<>()).computeIfAbsent(group.getKey(), k -> new HashMap<>())
                .computeIfAbsent(field.getKey(), k -> newValueSet()).add(ValueJson.fromNode(v.deepCopy()));
          }
        }
      }
    }
    return h;
  }

  /** Rule ids with history, for messages. */
  public List<String> ruleIds() {
    return List.copyOf(rules.keySet());
  }
}

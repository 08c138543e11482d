package io.tripline.rego.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A JSON object whose members are converted to values only when read: evaluating a rule over a
 * CloudTrail record touches a handful of fields, so the rest is never converted. Creating a view
 * costs nothing (members are found through the Jackson node's own hash map), and the view holds
 * no mutable state but its sorted keys, computed once if asked, so it can be shared freely.
 */
final class JsonObjectView extends ObjectValue {
  private final JsonNode node;
  /** One more member laid over the node's (replacing a member of that name), or null. */
  private final String extraKey;
  private final Value extra;
  private volatile List<Value> sortedKeys;
  private volatile JsonNode merged;

  JsonObjectView(JsonNode node) {
    this(node, null, null);
  }

  JsonObjectView(JsonNode node, String extraKey, Value extra) {
    this.node = node;
    this.extraKey = extraKey;
    this.extra = extra;
  }

  @Override
  public Value get(Value key) {
    if (!(key instanceof StringValue s)) {
      return null;
    }
    String name = s.value();
    if (extraKey != null && extraKey.equals(name)) {
      return extra;
    }
    JsonNode child = node.get(name);
    return child == null ? null : ValueJson.fromNode(child);
  }

  @Override
  public int size() {
    return extraKey == null || node.has(extraKey) ? node.size() : node.size() + 1;
  }

  @Override
  public List<Value> keys() {
    List<Value> k = sortedKeys;
    if (k == null) {
      List<Value> list = new ArrayList<>(node.size() + 1);
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals(extraKey)) {
          list.add(StringValue.of(name));
        }
      }
      if (extraKey != null) {
        list.add(StringValue.of(extraKey));
      }
      list.sort(ValueOrder.INSTANCE);
      k = Collections.unmodifiableList(list);
      sortedKeys = k;
    }
    return k;
  }

  /** The node viewed, with the extra member when there is one (a copy: the node is never changed). */
  JsonNode node() {
    if (extraKey == null) {
      return node;
    }
    JsonNode m = merged;
    if (m == null) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.setAll((ObjectNode) node);
      copy.set(extraKey, ValueJson.toNode(extra));
      m = copy;
      merged = m;
    }
    return m;
  }
}

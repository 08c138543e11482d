package io.tripline.rego.value;

import com.fasterxml.jackson.databind.JsonNode;
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
  private volatile List<Value> sortedKeys;

  JsonObjectView(JsonNode node) {
    this.node = node;
  }

  @Override
  public Value get(Value key) {
    if (!(key instanceof StringValue s)) {
      return null;
    }
    JsonNode child = node.get(s.value());
    return child == null ? null : ValueJson.fromNode(child);
  }

  @Override
  public int size() {
    return node.size();
  }

  @Override
  public List<Value> keys() {
    List<Value> k = sortedKeys;
    if (k == null) {
      List<Value> list = new ArrayList<>(node.size());
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        list.add(StringValue.of(names.next()));
      }
      list.sort(ValueOrder.INSTANCE);
      k = Collections.unmodifiableList(list);
      sortedKeys = k;
    }
    return k;
  }

  /** The node viewed (never changed through the view). */
  JsonNode node() {
    return node;
  }
}

package io.tripline.rego.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A JSON object whose members are converted to values only when read, and cached: evaluating a
 * rule over a CloudTrail record touches a handful of fields, so the rest is never converted.
 */
final class JsonObjectView extends ObjectValue {
  private final JsonNode node;
  private final String[] names;
  private final Value[] cache;
  private volatile List<Value> sortedKeys;

  JsonObjectView(JsonNode node) {
    this.node = node;
    this.names = new String[node.size()];
    Iterator<String> it = node.fieldNames();
    for (int i = 0; it.hasNext(); i++) {
      names[i] = it.next();
    }
    this.cache = new Value[names.length];
  }

  @Override
  public Value get(Value key) {
    if (!(key instanceof StringValue s)) {
      return null;
    }
    String k = s.value();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(k)) {
        Value v = cache[i];
        if (v == null) {
          v = ValueJson.fromNode(node.get(k));
          cache[i] = v;
        }
        return v;
      }
    }
    return null;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public List<Value> keys() {
    List<Value> k = sortedKeys;
    if (k == null) {
      List<Value> list = new ArrayList<>(names.length);
      for (String n : names) {
        list.add(StringValue.of(n));
      }
      list.sort(ValueOrder.INSTANCE);
      k = Collections.unmodifiableList(list);
      sortedKeys = k;
    }
    return k;
  }
}

package io.tripline.rego.value;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON array converted element by element on first access (benign races: values are immutable). */
final class JsonArrayView extends ArrayValue {
  private final JsonNode node;
  private final Value[] cache;

  JsonArrayView(JsonNode node) {
    this.node = node;
    this.cache = new Value[node.size()];
  }

  @Override
  public int size() {
    return cache.length;
  }

  @Override
  public Value get(int i) {
    Value v = cache[i];
    if (v == null) {
      v = ValueJson.fromNode(node.get(i));
      cache[i] = v;
    }
    return v;
  }

  /** The node viewed (never changed through the view). */
  JsonNode node() {
    return node;
  }
}

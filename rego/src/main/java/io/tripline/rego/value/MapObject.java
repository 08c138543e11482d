package io.tripline.rego.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** An object held in a hash map, with its canonical key order computed once on demand. */
final class MapObject extends ObjectValue {
  private final Map<Value, Value> map;
  private volatile List<Value> sortedKeys;

  MapObject(Map<Value, Value> map) {
    this.map = map;
  }

  @Override
  public Value get(Value key) {
    return map.get(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public List<Value> keys() {
    List<Value> k = sortedKeys;
    if (k == null) {
      List<Value> list = new ArrayList<>(map.keySet());
      list.sort(ValueOrder.INSTANCE);
      k = Collections.unmodifiableList(list);
      sortedKeys = k;
    }
    return k;
  }
}

package io.tripline.rego.eval;

import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Variable bindings of one rule or query evaluation, with a trail to undo on backtracking. */
final class Bindings {
  private final Map<String, Value> values = new HashMap<>();
  private final List<String> trail = new ArrayList<>();

  Value get(String name) {
    return values.get(name);
  }

  void bind(String name, Value v) {
    values.put(name, v);
    trail.add(name);
  }

  int mark() {
    return trail.size();
  }

  void undo(int mark) {
    for (int i = trail.size() - 1; i >= mark; i--) {
      values.remove(trail.remove(i));
    }
  }

  Map<String, Value> snapshot() {
    return new HashMap<>(values);
  }
}

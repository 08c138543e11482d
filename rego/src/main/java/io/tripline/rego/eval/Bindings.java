package io.tripline.rego.eval;

import io.tripline.rego.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Variable bindings of one rule or query evaluation, with a trail to undo on backtracking. A
 * body binds a handful of variables, so they are kept as a stack searched from the top (names
 * compared by reference first): cheaper to create, fill and undo than a hash map, which a rule
 * clause or function call would otherwise allocate each time.
 */
final class Bindings {
  private String[] names = new String[8];
  private Value[] values = new Value[8];
  private int size;

  Value get(String name) {
    for (int i = size - 1; i >= 0; i--) {
      String n = names[i];
      if (n == name || n.equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  void bind(String name, Value v) {
    if (size == names.length) {
      names = java.util.Arrays.copyOf(names, size * 2);
      values = java.util.Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = v;
    size++;
  }

  int mark() {
    return size;
  }

  void undo(int mark) {
    for (int i = size - 1; i >= mark; i--) {
      names[i] = null;
      values[i] = null;
    }
    size = Math.min(size, mark);
  }

  Map<String, Value> snapshot() {
    Map<String, Value> out = new HashMap<>();
    for (int i = 0; i < size; i++) {
      out.put(names[i], values[i]);
    }
    return out;
  }
}

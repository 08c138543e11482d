package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths as {@code json.filter}, {@code json.remove} and {@code json.patch} accept them: a
 * {@code /}-separated JSON pointer string ({@code ~1} and {@code ~0} escapes) or an array of
 * segments; and the tree of paths OPA builds from them (null marks a leaf).
 */
final class JsonPaths {
  private JsonPaths() {}

  /** The paths operand (array or set of paths) of json.filter and json.remove. */
  static List<List<Value>> operand(Arguments a, int i) {
    Value v = a.get(i);
    List<Value> items;
    if (v instanceof ArrayValue arr) {
      items = arr.asList();
    } else if (v instanceof SetValue s) {
      items = s.elements();
    } else {
      throw a.typeError(i, "one of {set, array}");
    }
    List<List<Value>> out = new ArrayList<>(items.size());
    for (Value item : items) {
      List<Value> p = parse(item);
      if (p == null) {
        throw new BuiltinException(BuiltinException.TYPE_ERROR, a.builtin() + ": operand " + (i + 1)
            + " must be one of {set, array} containing string paths or array of path segments but got "
            + item.typeName());
      }
      out.add(p);
    }
    return out;
  }

  /** One path's segments, or null when it is neither a string nor an array. */
  static List<Value> parse(Value path) {
    if (path instanceof StringValue s) {
      if (s.value().isEmpty()) {
        return List.of();
      }
      String trimmed = s.value().replaceFirst("^/+", "");
      List<Value> out = new ArrayList<>();
      for (String part : trimmed.split("/", -1)) {
        out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
      }
      return out;
    }
    if (path instanceof ArrayValue arr) {
      return arr.asList();
    }
    return null;
  }

  /** The paths as a tree of objects whose leaves are null; a shorter path covers longer ones. */
  static ObjectValue tree(List<List<Value>> paths) {
    Node root = new Node();
    for (List<Value> path : paths) {
      if (path.isEmpty()) {
        continue;
      }
      Node node = root;
      boolean covered = false;
      for (int i = 0; i < path.size() - 1 && !covered; i++) {
        Node child = node.children.get(path.get(i));
        if (child == null) {
          child = new Node();
          node.children.put(path.get(i), child);
        } else if (child.leaf) {
          covered = true;
        }
        node = child;
      }
      if (!covered) {
        Node leaf = new Node();
        leaf.leaf = true;
        node.children.put(path.get(path.size() - 1), leaf);
      }
    }
    return (ObjectValue) root.toValue();
  }

  private static final class Node {
    final java.util.Map<Value, Node> children = new java.util.LinkedHashMap<>();
    boolean leaf;

    Value toValue() {
      if (leaf) {
        return NullValue.NULL;
      }
      ObjectValue.Builder b = ObjectValue.builder();
      children.forEach((k, v) -> b.put(k, v.toValue()));
      return b.build();
    }
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** {@code graph.reachable}, {@code graph.reachable_paths} and the {@code walk} relation. */
final class GraphBuiltins {
  /** {@code graph.reachable_paths} lists at most this many paths (their number can grow exponentially). */
  static final int MAX_PATHS = 1_000_000;

  private GraphBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type vertices = Type.anyOf(Type.SET, Type.ARRAY);
    Type graph = Type.objectOf(Type.ANY, vertices);
    t.function("graph.reachable", Signature.of(Type.SET, graph, vertices), GraphBuiltins::reachable);
    t.function("graph.reachable_paths", Signature.of(Type.setOf(Type.ARRAY), graph, vertices), GraphBuiltins::reachablePaths);
    t.relation("walk", Signature.of(Type.tupleOf(Type.ARRAY, Type.ANY), Type.ANY), (c, a, out) -> walk(ArrayValue.EMPTY, a.get(0), out));
  }

  private static List<Value> vertices(Value v) {
    if (v instanceof SetValue s) {
      return s.elements();
    }
    if (v instanceof ArrayValue a) {
      return a.asList();
    }
    return List.of();
  }

  private static List<Value> initial(Arguments a) {
    Value v = a.get(1);
    if (!(v instanceof SetValue) && !(v instanceof ArrayValue)) {
      throw a.typeError(1, "{array, set}");
    }
    return vertices(v);
  }

  private static Value reachable(BuiltinContext c, Arguments a) {
    ObjectValue graph = a.object(0);
    Deque<Value> queue = new ArrayDeque<>(initial(a));
    Set<Value> reached = new LinkedHashSet<>();
    while (!queue.isEmpty()) {
      Value node = queue.poll();
      Value edges = graph.get(node);
      if (edges != null) {
        for (Value n : vertices(edges)) {
          if (!reached.contains(n)) {
            queue.add(n);
          }
        }
        reached.add(node);
      }
    }
    return SetValue.of(reached);
  }

  private static Value reachablePaths(BuiltinContext c, Arguments a) {
    ObjectValue graph = a.object(0);
    List<Value> result = new ArrayList<>();
    for (Value node : initial(a)) {
      Value edges = graph.get(node);
      if (edges == null) {
        continue;
      }
      List<Value> next = vertices(edges);
      if (next.isEmpty()) {
        result.add(ArrayValue.of(node));
      }
      for (Value n : next) {
        paths(c, a, graph, n, List.of(node), result, Set.of(node));
      }
    }
    return SetValue.of(result);
  }

  /** OPA's pathBuilder: extends the path depth-first, committing it at leaves, cycles and dangling nodes. */
  private static void paths(BuiltinContext c, Arguments a, ObjectValue graph, Value root, List<Value> path,
      List<Value> result, Set<Value> reached) {
    c.checkCancelled();
    if (result.size() > MAX_PATHS) {
      throw a.error("more than " + MAX_PATHS + " paths; the graph has too many paths to list");
    }
    Value edges = graph.get(root);
    if (edges == null) {
      result.add(ArrayValue.of(path));
      return;
    }
    List<Value> extended = new ArrayList<>(path);
    extended.add(root);
    List<Value> next = vertices(edges);
    if (next.isEmpty()) {
      result.add(ArrayValue.of(extended));
      return;
    }
    Set<Value> seen = new HashSet<>(reached);
    seen.add(root);
    for (Value n : next) {
      if (seen.contains(n)) {
        result.add(ArrayValue.of(extended));
      } else {
        paths(c, a, graph, n, extended, result, seen);
      }
    }
  }

  /** Emits [path, value] for x and everything nested in it, parents first; false stops the walk. */
  private static boolean walk(ArrayValue path, Value x, Predicate<Value> out) {
    if (!out.test(ArrayValue.of(path, x))) {
      return false;
    }
    if (x instanceof ArrayValue arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (!walk(append(path, NumberValue.of(i)), arr.get(i), out)) {
          return false;
        }
      }
    } else if (x instanceof ObjectValue o) {
      for (Map.Entry<Value, Value> e : o.entries()) {
        if (!walk(append(path, e.getKey()), e.getValue(), out)) {
          return false;
        }
      }
    } else if (x instanceof SetValue s) {
      for (Value e : s.elements()) {
        if (!walk(append(path, e), e, out)) {
          return false;
        }
      }
    }
    return true;
  }

  private static ArrayValue append(ArrayValue path, Value key) {
    List<Value> p = new ArrayList<>(path.size() + 1);
    p.addAll(path.asList());
    p.add(key);
    return ArrayValue.of(p);
  }
}

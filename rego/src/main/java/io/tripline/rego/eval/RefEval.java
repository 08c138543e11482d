package io.tripline.rego.eval;

import io.tripline.rego.ast.Term;
import io.tripline.rego.builtins.Navigation;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates references: iterates over collections where a path element is an unbound variable,
 * and walks {@code data} through the rule tree, computing virtual documents where rules are.
 */
final class RefEval {
  private final Evaluation ev;

  RefEval(Evaluation ev) {
    this.ev = ev;
  }

  boolean eval(Term.Ref r, Bindings b, ValueSink k) {
    Term head = r.head();
    if (head instanceof Term.Var v) {
      switch (v.name()) {
        case "input" -> {
          Value in = ev.scope.input;
          return in == null || walk(in, r.path(), 0, b, k);
        }
        case "data" -> {
          return data(ev.root, ev.scope.data, r.path(), 0, b, k);
        }
        default -> {
          Value x = b.get(v.name());
          return x == null || walk(x, r.path(), 0, b, k);
        }
      }
    }
    return ev.terms.eval(head, b, x -> walk(x, r.path(), 0, b, k));
  }

  /** Walks a value along path[i..]. */
  boolean walk(Value cur, List<Term> path, int i, Bindings b, ValueSink k) {
    return walk(cur, path, i, b, k, false);
  }

  /**
   * Walks a value along path[i..]; {@code stored} when it is a base document, whose object keys
   * are strings: a number key reads the key that is its text ({@code data.x[1]} reads
   * {@code "1"}), as OPA turns a data reference into a storage path.
   */
  private boolean walk(Value cur, List<Term> path, int i, Bindings b, ValueSink k, boolean stored) {
    if (i == path.size()) {
      return k.accept(cur);
    }
    Term p = path.get(i);
    if (p instanceof Term.Scalar s) {
      Value child = child(cur, s.value(), stored);
      return child == null || walk(child, path, i + 1, b, k, stored);
    }
    if (p instanceof Term.Var v) {
      Value bound = b.get(v.name());
      if (bound != null) {
        Value child = child(cur, bound, stored);
        return child == null || walk(child, path, i + 1, b, k, stored);
      }
      return each(cur, (key, child) -> {
        int mark = b.mark();
        b.bind(v.name(), key);
        boolean r = walk(child, path, i + 1, b, k, stored);
        b.undo(mark);
        return r;
      });
    }
    if (ev.unifier.isPattern(p, b)) {
      return each(cur, (key, child) -> {
        int mark = b.mark();
        boolean r = ev.unifier.unifyValue(p, key, b, () -> walk(child, path, i + 1, b, k, stored));
        b.undo(mark);
        return r;
      });
    }
    return ev.terms.eval(p, b, key -> {
      Value child = child(cur, key, stored);
      return child == null || walk(child, path, i + 1, b, k, stored);
    });
  }

  private static Value child(Value cur, Value key, boolean stored) {
    Value child = Navigation.child(cur, key);
    if (child == null && stored && key instanceof NumberValue n && cur instanceof ObjectValue) {
      child = Navigation.child(cur, StringValue.of(n.toString()));
    }
    return child;
  }

  /** A key and the value under it. */
  @FunctionalInterface
  interface Entry {
    boolean accept(Value key, Value value);
  }

  /** Every key/value of a collection (index/element for arrays, element/element for sets). */
  static boolean each(Value cur, Entry e) {
    if (cur instanceof ObjectValue o) {
      for (Value key : o.keys()) {
        if (!e.accept(key, o.get(key))) {
          return false;
        }
      }
    } else if (cur instanceof ArrayValue a) {
      for (int j = 0; j < a.size(); j++) {
        if (!e.accept(NumberValue.of(j), a.get(j))) {
          return false;
        }
      }
    } else if (cur instanceof SetValue s) {
      for (Value x : s.elements()) {
        if (!e.accept(x, x)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Walks data: node is the rule tree node for path so far (may be null), base the base document there. */
  private boolean data(RuleNode node, Value base, List<Term> path, int i, Bindings b, ValueSink k) {
    if (node == null) {
      return base == null || walk(base, path, i, b, k, true);
    }
    Value override = ev.scope.dataOverrides.isEmpty() ? null : ev.scope.dataOverrides.get(node.path());
    if (override != null) {
      return walk(override, path, i, b, k);
    }
    if (node.hasRules() || i == path.size()) {
      Value v = ev.rules.document(node, base);
      return v == null || walk(v, path, i, b, k);
    }
    Term p = path.get(i);
    Value boundKey = null;
    if (p instanceof Term.Scalar s) {
      boundKey = s.value();
    } else if (p instanceof Term.Var v && b.get(v.name()) != null) {
      boundKey = b.get(v.name());
    }
    if (boundKey != null) {
      return step(node, base, boundKey, path, i, b, k);
    }
    if (!(p instanceof Term.Var v)) {
      if (!ev.unifier.isPattern(p, b)) {
        return ev.terms.eval(p, b, key -> step(node, base, key, path, i, b, k));
      }
      Value doc = ev.rules.document(node, base);
      return doc == null || walk(doc, path, i, b, k);
    }
    Set<Value> keys = new LinkedHashSet<>();
    for (String c : node.children().keySet()) {
      keys.add(StringValue.of(c));
    }
    if (base instanceof ObjectValue o) {
      keys.addAll(o.keys());
    }
    List<Value> sorted = new ArrayList<>(keys);
    sorted.sort(io.tripline.rego.value.ValueOrder.INSTANCE);
    for (Value key : sorted) {
      int mark = b.mark();
      b.bind(v.name(), key);
      boolean r = step(node, base, key, path, i, b, k);
      b.undo(mark);
      if (!r) {
        return false;
      }
    }
    return true;
  }

  private boolean step(RuleNode node, Value base, Value key, List<Term> path, int i, Bindings b, ValueSink k) {
    Value childBase = base == null ? null : child(base, key, true);
    RuleNode child = key instanceof StringValue s ? node.child(s.value()) : null;
    if (child == null) {
      return childBase == null || walk(childBase, path, i + 1, b, k, true);
    }
    return data(child, childBase, path, i + 1, b, k);
  }
}

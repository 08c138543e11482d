package io.tripline.rego.eval;

import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code with}: evaluates the replacement values, switches to a new {@link WithScope} for the
 * literal only, and switches back while the rest of the body runs.
 */
final class WithEval {
  private final Evaluation ev;

  WithEval(Evaluation ev) {
    this.ev = ev;
  }

  /** Runs {@code literal} under l's modifiers; {@code rest} (the remaining body) runs outside them. */
  boolean apply(Literal l, Bindings b, LiteralRun literal, Next rest) {
    WithScope outer = ev.scope;
    Value input = outer.input;
    Value data = outer.data;
    Map<List<String>, Value> overrides = new HashMap<>(outer.dataOverrides);
    Map<String, WithScope.FunctionMock> mocks = new HashMap<>(outer.mocks);
    for (With w : l.withs()) {
      Term.Ref target = (Term.Ref) w.target();
      String head = target.head().toString();
      if (head.equals("input")) {
        Value v = value(w, b);
        if (v == null) {
          return true;
        }
        input = target.path().isEmpty() ? v : upsert(input, keys(target, b), 0, v);
      } else if (head.equals("data") && !isFunction(target)) {
        Value v = value(w, b);
        if (v == null) {
          return true;
        }
        List<String> path = keys(target, b).stream()
            .map(x -> x instanceof StringValue s ? s.value() : x.toString()).toList();
        // a later modifier on a shorter path replaces what earlier ones set below it
        overrides.keySet().removeIf(k -> k.size() > path.size() && k.subList(0, path.size()).equals(path));
        overrides.put(path, v);
        data = upsert(data, keys(target, b), 0, v);
      } else {
        mocks.put(target.dotted(), mock(w, b));
      }
    }
    WithScope inner = new WithScope(input, data, overrides, mocks);
    ev.scope = inner;
    try {
      return literal.run(() -> {
        ev.scope = outer;
        try {
          return rest.run();
        } finally {
          ev.scope = inner;
        }
      });
    } finally {
      ev.scope = outer;
    }
  }

  /** The literal evaluation, given the continuation to run after it. */
  @FunctionalInterface
  interface LiteralRun {
    boolean run(Next after);
  }

  private boolean isFunction(Term.Ref target) {
    RuleNode n = ev.root;
    for (Term p : target.path()) {
      if (n == null || !(p instanceof Term.Scalar s && s.value() instanceof StringValue str)) {
        return false;
      }
      n = n.child(str.value());
    }
    return n != null && n.isFunction();
  }

  private WithScope.FunctionMock mock(With w, Bindings b) {
    Term v = w.value();
    if (v instanceof Term.Ref r) {
      String head = r.head().toString();
      if (head.equals("data") && isFunction(r)) {
        return new WithScope.FunctionMock(r.dotted(), null);
      }
      if (!head.equals("data") && !head.equals("input") && b.get(head) == null && ev.builtins.contains(r.dotted())) {
        return new WithScope.FunctionMock(r.dotted(), null);
      }
    } else if (v instanceof Term.Var var && b.get(var.name()) == null && ev.builtins.contains(var.name())) {
      return new WithScope.FunctionMock(var.name(), null);
    }
    return new WithScope.FunctionMock(null, value(w, b));
  }

  private Value value(With w, Bindings b) {
    return ev.terms.firstValue(w.value(), b);
  }

  private List<Value> keys(Term.Ref target, Bindings b) {
    List<Value> out = new ArrayList<>();
    for (Term p : target.path()) {
      Value k = ev.terms.firstValue(p, b);
      out.add(k == null ? StringValue.EMPTY : k);
    }
    return out;
  }

  /** A copy of doc with value placed at path[i..], creating objects on the way. */
  static Value upsert(Value doc, List<Value> path, int i, Value value) {
    if (i == path.size()) {
      return value;
    }
    ObjectValue obj = doc instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    Value child = obj.get(path.get(i));
    return obj.with(path.get(i), upsert(child, path, i + 1, value));
  }
}

package io.tripline.rego.eval;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluates terms to values: scalars, variables, composites, comprehensions; refs and calls delegate. */
final class TermEval {
  private final Evaluation ev;

  TermEval(Evaluation ev) {
    this.ev = ev;
  }

  boolean eval(Term t, Bindings b, ValueSink k) {
    if (t instanceof Term.Scalar s) {
      return k.accept(s.value());
    } else if (t instanceof Term.Var v) {
      Value x = b.get(v.name());
      return x == null || k.accept(x);
    } else if (t instanceof Term.Ref r) {
      return ev.refs.eval(r, b, k);
    } else if (t instanceof Term.Call c) {
      return ev.calls.call(c, b, k);
    } else if (t instanceof Term.ArrayTerm a) {
      return list(a.items(), 0, new Value[a.items().size()], b, vs -> k.accept(ArrayValue.of(vs)));
    } else if (t instanceof Term.SetTerm s) {
      return list(s.items(), 0, new Value[s.items().size()], b, vs -> k.accept(SetValue.of(vs)));
    } else if (t instanceof Term.ObjectTerm o) {
      List<Term> all = new ArrayList<>(o.keys());
      all.addAll(o.values());
      int n = o.keys().size();
      return list(all, 0, new Value[all.size()], b, vs -> {
        ObjectValue.Builder ob = ObjectValue.builder();
        for (int i = 0; i < n; i++) {
          ob.put(vs[i], vs[n + i]);
        }
        return k.accept(ob.build());
      });
    } else if (t instanceof Term.ArrayComprehension c) {
      List<Value> out = new ArrayList<>();
      collect(c.body(), b, () -> first(c.head(), b, out::add));
      return k.accept(ArrayValue.of(out));
    } else if (t instanceof Term.SetComprehension c) {
      Set<Value> out = new HashSet<>();
      collect(c.body(), b, () -> first(c.head(), b, out::add));
      return k.accept(SetValue.of(out));
    } else if (t instanceof Term.ObjectComprehension c) {
      ObjectValue.Builder out = ObjectValue.builder();
      collect(c.body(), b, () -> first(c.key(), b, key -> first(c.value(), b, val -> {
        Value prev = out.get(key);
        if (prev != null && !prev.equals(val)) {
          throw new EvalException("eval_conflict_error", "object keys must be unique", c.location());
        }
        out.put(key, val);
      })));
      return k.accept(out.build());
    }
    throw new IllegalStateException("unknown term " + t);
  }

  /** Evaluates a comprehension body, calling each for every solution, then undoes its bindings. */
  private void collect(Body body, Bindings b, Runnable each) {
    int mark = b.mark();
    ev.bodies.eval(body.literals(), 0, b, () -> {
      each.run();
      return true;
    });
    b.undo(mark);
  }

  /** Passes the first value of t to out, if t is defined. */
  void first(Term t, Bindings b, java.util.function.Consumer<Value> out) {
    eval(t, b, v -> {
      out.accept(v);
      return false;
    });
  }

  /** The first value of t, or null when undefined. */
  Value firstValue(Term t, Bindings b) {
    Value[] r = new Value[1];
    int mark = b.mark();
    eval(t, b, v -> {
      r[0] = v;
      return false;
    });
    b.undo(mark);
    return r[0];
  }

  /** Evaluates terms left to right over all combinations of their values. */
  boolean list(List<Term> items, int i, Value[] acc, Bindings b, java.util.function.Predicate<Value[]> k) {
    if (i == items.size()) {
      return k.test(acc.clone());
    }
    return eval(items.get(i), b, v -> {
      acc[i] = v;
      return list(items, i + 1, acc, b, k);
    });
  }
}

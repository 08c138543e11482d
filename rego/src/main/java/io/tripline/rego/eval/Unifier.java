package io.tripline.rego.eval;

import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.util.List;

/** Unification ({@code =}, {@code :=}, argument and key patterns) with backtracking bindings. */
final class Unifier {
  private final Evaluation ev;

  Unifier(Evaluation ev) {
    this.ev = ev;
  }

  /** Whether t still has unbound variables in pattern positions. */
  boolean isPattern(Term t, Bindings b) {
    if (t instanceof Term.Var v) {
      return b.get(v.name()) == null;
    } else if (t instanceof Term.ArrayTerm a) {
      for (Term x : a.items()) {
        if (isPattern(x, b)) {
          return true;
        }
      }
    } else if (t instanceof Term.ObjectTerm o) {
      for (Term x : o.values()) {
        if (isPattern(x, b)) {
          return true;
        }
      }
    }
    return false;
  }

  boolean unify(Term a, Term c, Bindings b, Next k) {
    boolean pa = isPattern(a, b);
    boolean pc = isPattern(c, b);
    if (pa && pc) {
      if (a instanceof Term.ArrayTerm x && c instanceof Term.ArrayTerm y) {
        return x.items().size() != y.items().size() || pairs(x.items(), y.items(), 0, b, k);
      }
      if (a instanceof Term.ObjectTerm x && c instanceof Term.ObjectTerm y) {
        return unifyObjects(x, y, b, k);
      }
      if (a instanceof Term.Var && c instanceof Term.Var) {
        return true;
      }
      if (a instanceof Term.Var) {
        return ev.terms.eval(c, b, v -> unifyValue(a, v, b, k));
      }
      return ev.terms.eval(a, b, v -> unifyValue(c, v, b, k));
    }
    if (pa) {
      return ev.terms.eval(c, b, v -> unifyValue(a, v, b, k));
    }
    return ev.terms.eval(a, b, v -> unifyValue(c, v, b, k));
  }

  private boolean pairs(List<Term> xs, List<Term> ys, int i, Bindings b, Next k) {
    if (i == xs.size()) {
      return k.run();
    }
    return unify(xs.get(i), ys.get(i), b, () -> pairs(xs, ys, i + 1, b, k));
  }

  private boolean unifyObjects(Term.ObjectTerm x, Term.ObjectTerm y, Bindings b, Next k) {
    if (x.keys().size() != y.keys().size()) {
      return true;
    }
    // pair values by their (ground) keys
    Value[] kx = new Value[x.keys().size()];
    Value[] ky = new Value[y.keys().size()];
    for (int i = 0; i < kx.length; i++) {
      kx[i] = ev.terms.firstValue(x.keys().get(i), b);
      ky[i] = ev.terms.firstValue(y.keys().get(i), b);
      if (kx[i] == null || ky[i] == null) {
        return true;
      }
    }
    List<Term> left = new java.util.ArrayList<>();
    List<Term> right = new java.util.ArrayList<>();
    for (int i = 0; i < kx.length; i++) {
      int j = java.util.Arrays.asList(ky).indexOf(kx[i]);
      if (j < 0) {
        return true;
      }
      left.add(x.values().get(i));
      right.add(y.values().get(j));
    }
    return pairs(left, right, 0, b, k);
  }

  /** Unifies term t with a value, binding t's unbound variables. */
  boolean unifyValue(Term t, Value v, Bindings b, Next k) {
    if (t instanceof Term.Var var) {
      Value cur = b.get(var.name());
      if (cur != null) {
        return !cur.equals(v) || k.run();
      }
      int mark = b.mark();
      b.bind(var.name(), v);
      boolean r = k.run();
      b.undo(mark);
      return r;
    }
    if (t instanceof Term.ArrayTerm a && isPattern(t, b)) {
      if (!(v instanceof ArrayValue arr) || arr.size() != a.items().size()) {
        return true;
      }
      return elements(a.items(), arr, 0, b, k);
    }
    if (t instanceof Term.ObjectTerm o && isPattern(t, b)) {
      if (!(v instanceof ObjectValue obj) || obj.size() != o.keys().size()) {
        return true;
      }
      return members(o, obj, 0, b, k);
    }
    if (t instanceof Term.Scalar s) {
      return !s.value().equals(v) || k.run();
    }
    return ev.terms.eval(t, b, x -> !x.equals(v) || k.run());
  }

  private boolean elements(List<Term> items, ArrayValue arr, int i, Bindings b, Next k) {
    if (i == items.size()) {
      return k.run();
    }
    return unifyValue(items.get(i), arr.get(i), b, () -> elements(items, arr, i + 1, b, k));
  }

  private boolean members(Term.ObjectTerm o, ObjectValue obj, int i, Bindings b, Next k) {
    if (i == o.keys().size()) {
      return k.run();
    }
    return ev.terms.eval(o.keys().get(i), b, key -> {
      Value member = obj.get(key);
      return member == null || unifyValue(o.values().get(i), member, b, () -> members(o, obj, i + 1, b, k));
    });
  }
}

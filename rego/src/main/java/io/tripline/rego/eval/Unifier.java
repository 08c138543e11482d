package io.tripline.rego.eval;

import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
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
      if (mismatched(a, c)) {
        return true;
      }
      if ((a instanceof Term.ArrayTerm && c instanceof Term.ArrayTerm)
          || (a instanceof Term.ObjectTerm && c instanceof Term.ObjectTerm)) {
        List<Term> left = new ArrayList<>();
        List<Term> right = new ArrayList<>();
        if (!leaves(a, c, b, left, right)) {
          return true;
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
          todo.add(i);
        }
        return solve(left, right, todo, b, k);
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

  /**
   * Splits two composite patterns into the pairs of terms that must unify, element by element and
   * key by key (keys must be ground); false when the shapes cannot match.
   */
  private boolean leaves(Term a, Term c, Bindings b, List<Term> left, List<Term> right) {
    if (a instanceof Term.ArrayTerm x && c instanceof Term.ArrayTerm y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!leaves(x.items().get(i), y.items().get(i), b, left, right)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Term.ObjectTerm x && c instanceof Term.ObjectTerm y) {
      if (x.keys().size() != y.keys().size()) {
        return false;
      }
      List<Value> ky = new ArrayList<>();
      for (Term key : y.keys()) {
        Value v = ev.terms.firstValue(key, b);
        if (v == null) {
          return false;
        }
        ky.add(v);
      }
      for (int i = 0; i < x.keys().size(); i++) {
        Value kx = ev.terms.firstValue(x.keys().get(i), b);
        int j = kx == null ? -1 : ky.indexOf(kx);
        if (j < 0 || !leaves(x.values().get(i), y.values().get(j), b, left, right)) {
          return false;
        }
      }
      return true;
    }
    if (mismatched(a, c)) {
      return false;
    }
    left.add(a);
    right.add(c);
    return true;
  }

  private static boolean mismatched(Term a, Term c) {
    return (a instanceof Term.ArrayTerm && c instanceof Term.ObjectTerm)
        || (a instanceof Term.ObjectTerm && c instanceof Term.ArrayTerm);
  }

  /**
   * Unifies the pairs in an order that lets each bind what the next needs: a pair with a side
   * that can be evaluated first, so {@code [a, b] = [b, 3]} binds b, then a.
   */
  private boolean solve(List<Term> left, List<Term> right, List<Integer> todo, Bindings b, Next k) {
    if (todo.isEmpty()) {
      return k.run();
    }
    int pick = todo.get(0);
    for (int i : todo) {
      if (!(isPattern(left.get(i), b) && isPattern(right.get(i), b))) {
        pick = i;
        break;
      }
    }
    List<Integer> rest = new ArrayList<>(todo);
    rest.remove(Integer.valueOf(pick));
    return unify(left.get(pick), right.get(pick), b, () -> solve(left, right, rest, b, k));
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

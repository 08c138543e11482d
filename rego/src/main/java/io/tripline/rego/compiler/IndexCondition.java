package io.tripline.rego.compiler;

import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A condition a rule body places on one input field: the value at {@code path} under
 * {@code input} must be one of {@code values}. Read from top-level body literals of the forms
 * {@code input.a.b == c}, {@code c = input.a.b} and {@code input.a.b in {c1, c2}} where the
 * path is made of constants and {@code c} is a scalar; the body cannot succeed otherwise.
 */
public record IndexCondition(List<Value> path, Set<Value> values) {

  /** The conditions of a rule, merged per path (two conditions on one path intersect). */
  static List<IndexCondition> of(Rule rule) {
    Map<List<Value>, Set<Value>> byPath = new LinkedHashMap<>();
    for (Literal l : rule.body().literals()) {
      IndexCondition c = of(l);
      if (c == null) {
        continue;
      }
      Set<Value> prev = byPath.get(c.path());
      if (prev == null) {
        byPath.put(c.path(), new HashSet<>(c.values()));
      } else {
        prev.retainAll(c.values());
      }
    }
    List<IndexCondition> out = new ArrayList<>();
    byPath.forEach((p, v) -> out.add(new IndexCondition(p, Set.copyOf(v))));
    return out;
  }

  private static IndexCondition of(Literal l) {
    if (l.negated() || !l.withs().isEmpty()) {
      return null;
    }
    Expr e = l.expr();
    if (e instanceof Expr.Unify u) {
      return equality(u.left(), u.right());
    }
    if (e instanceof Expr.TermExpr t && t.term() instanceof Term.Call c && c.args().size() == 2) {
      if (c.name().equals("equal")) {
        return equality(c.args().get(0), c.args().get(1));
      }
      if (c.name().equals("internal.member_2")) {
        return membership(c.args().get(0), c.args().get(1));
      }
    }
    return null;
  }

  private static IndexCondition equality(Term a, Term b) {
    IndexCondition c = equality1(a, b);
    return c != null ? c : equality1(b, a);
  }

  private static IndexCondition equality1(Term ref, Term constant) {
    List<Value> path = inputPath(ref);
    if (path == null || !(constant instanceof Term.Scalar s) || !indexable(s.value())) {
      return null;
    }
    return new IndexCondition(path, Set.of(s.value()));
  }

  private static IndexCondition membership(Term ref, Term collection) {
    List<Value> path = inputPath(ref);
    if (path == null || !(collection instanceof Term.Scalar s)) {
      return null;
    }
    List<Value> items;
    if (s.value() instanceof SetValue set) {
      items = set.elements();
    } else if (s.value() instanceof ArrayValue arr) {
      items = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        items.add(arr.get(i));
      }
    } else {
      return null;
    }
    for (Value v : items) {
      if (!indexable(v)) {
        return null;
      }
    }
    return new IndexCondition(path, Set.copyOf(items));
  }

  /** The constant path of {@code input.a.b[0]}, or null when the term is not such a reference. */
  private static List<Value> inputPath(Term t) {
    if (!(t instanceof Term.Ref r) || !(r.head() instanceof Term.Var v) || !v.name().equals("input")
        || r.path().isEmpty()) {
      return null;
    }
    List<Value> path = new ArrayList<>();
    for (Term p : r.path()) {
      if (!(p instanceof Term.Scalar s) || !(s.value() instanceof StringValue || s.value() instanceof NumberValue)) {
        return null;
      }
      path.add(s.value());
    }
    return List.copyOf(path);
  }

  private static boolean indexable(Value v) {
    return v instanceof StringValue || v instanceof NumberValue || v instanceof BooleanValue || v instanceof NullValue;
  }
}

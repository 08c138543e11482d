package io.tripline.rego.compiler;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * OPA's safety check: reorders each body so that every variable is bound before it is read,
 * keeping the written order where it already is safe, and reports {@code var x is unsafe}
 * where no order works. Nested comprehension and {@code every} bodies are ordered too, with the
 * enclosing body's bound variables as closures.
 */
final class BodyOrdering {
  private final List<CompileError> errors;
  private final ToIntFunction<Term.Call> arity;
  private final java.util.function.Predicate<String> isBuiltin;

  BodyOrdering(List<CompileError> errors, ToIntFunction<Term.Call> arity, java.util.function.Predicate<String> isBuiltin) {
    this.errors = errors;
    this.arity = arity;
    this.isBuiltin = isBuiltin;
  }

  /** A with value that names a builtin ({@code with count as sum}) reads no variables. */
  private boolean namesBuiltin(Term t) {
    if (t instanceof Term.Var v) {
      return isBuiltin.test(v.name());
    }
    if (t instanceof Term.Ref r && r.head() instanceof Term.Var v && !v.name().equals("data")
        && !v.name().equals("input")) {
      for (Term p : r.path()) {
        if (!(p instanceof Term.Scalar s && s.value() instanceof io.tripline.rego.value.StringValue)) {
          return false;
        }
      }
      return isBuiltin.test(r.dotted());
    }
    return false;
  }

  /** Orders body; {@code bound} is updated with the variables bound at its end. */
  Body order(Body body, Set<String> bound, Set<String> visible) {
    List<Literal> remaining = new ArrayList<>(body.literals());
    List<Set<String>> varsOf = new ArrayList<>();
    for (Literal l : remaining) {
      varsOf.add(VarAnalysis.outerVars(l));
    }
    List<Literal> out = new ArrayList<>();
    List<Set<String>> remainingVars = new ArrayList<>(varsOf);
    while (!remaining.isEmpty()) {
      int pick = -1;
      for (int i = 0; i < remaining.size(); i++) {
        Set<String> others = others(remainingVars, i, visible, out);
        if (ready(remaining.get(i), bound, others)) {
          pick = i;
          break;
        }
      }
      if (pick < 0) {
        reportUnsafe(remaining, remainingVars, bound, visible, out);
        out.addAll(remaining);
        break;
      }
      Literal l = remaining.remove(pick);
      Set<String> others = others(remainingVars, pick, visible, out);
      remainingVars.remove(pick);
      Set<String> visibleHere = new HashSet<>(others);
      visibleHere.addAll(bound);
      Literal rewritten = rewriteNested(l, bound, visibleHere);
      out.add(rewritten);
      if (!l.negated()) {
        bound.addAll(provides(rewritten));
      }
    }
    return new Body(out, body.location());
  }

  private Set<String> others(List<Set<String>> remainingVars, int skip, Set<String> visible, List<Literal> done) {
    Set<String> s = new HashSet<>(visible);
    for (int i = 0; i < remainingVars.size(); i++) {
      if (i != skip) {
        s.addAll(remainingVars.get(i));
      }
    }
    for (Literal l : done) {
      s.addAll(VarAnalysis.outerVars(l));
    }
    return s;
  }

  private boolean ready(Literal l, Set<String> bound, Set<String> others) {
    return missing(l, bound, others).isEmpty();
  }

  /** Variables l reads that are not bound yet. */
  private Set<String> missing(Literal l, Set<String> bound, Set<String> others) {
    Set<String> need = new LinkedHashSet<>();
    Expr e = l.expr();
    if (l.negated()) {
      Set<String> all = new LinkedHashSet<>();
      if (e instanceof Expr.Every || e instanceof Expr.SomeIn) {
        VarAnalysis.needs(termOf(e), false, others, all);
      } else {
        for (Term t : termsOf(e)) {
          VarAnalysis.needs(t, false, others, all);
          Set<String> prov = new LinkedHashSet<>();
          VarAnalysis.provides(t, true, prov);
          all.addAll(prov);
        }
      }
      for (String v : all) {
        if (!v.startsWith("$")) {
          need.add(v);
        }
      }
    } else if (e instanceof Expr.TermExpr t) {
      if (t.term() instanceof Term.Call c && c.args().size() > 0 && c.args().size() == arity.applyAsInt(c) + 1) {
        for (int i = 0; i < c.args().size() - 1; i++) {
          VarAnalysis.needs(c.args().get(i), false, others, need);
        }
        VarAnalysis.needs(c.args().get(c.args().size() - 1), true, others, need);
      } else {
        VarAnalysis.needs(t.term(), false, others, need);
      }
    } else if (e instanceof Expr.Unify u) {
      unifyNeeds(u.left(), u.right(), bound, others, need);
    } else if (e instanceof Expr.Assign a) {
      unifyNeeds(a.left(), a.right(), bound, others, need);
    } else if (e instanceof Expr.SomeIn s) {
      VarAnalysis.needs(s.collection(), false, others, need);
      if (s.key() != null) {
        VarAnalysis.needs(s.key(), true, others, need);
      }
      VarAnalysis.needs(s.value(), true, others, need);
    } else if (e instanceof Expr.Every ev) {
      VarAnalysis.needs(ev.domain(), false, others, need);
      Set<String> local = new HashSet<>();
      if (ev.key() != null) {
        local.addAll(VarAnalysis.allVars(ev.key()));
      }
      local.addAll(VarAnalysis.allVars(ev.value()));
      for (String v : VarAnalysis.allVars(ev.body())) {
        if (others.contains(v) && !local.contains(v) && !v.equals("data") && !v.equals("input")) {
          need.add(v);
        }
      }
    }
    for (With w : l.withs()) {
      if (!namesBuiltin(w.value())) {
        VarAnalysis.needs(w.value(), false, others, need);
      }
    }
    need.removeAll(bound);
    return need;
  }

  private void unifyNeeds(Term a, Term b, Set<String> bound, Set<String> others, Set<String> need) {
    VarAnalysis.needs(a, true, others, need);
    VarAnalysis.needs(b, true, others, need);
    Set<String> pa = VarAnalysis.patternVars(a);
    Set<String> pb = VarAnalysis.patternVars(b);
    pa.removeAll(bound);
    pb.removeAll(bound);
    if (!pa.isEmpty() && !pb.isEmpty() && !(VarAnalysis.isComposite(a) && VarAnalysis.isComposite(b))) {
      // both sides still have unbound pattern vars: wait for one of them
      need.addAll(pb);
    }
  }

  private Set<String> provides(Literal l) {
    Set<String> out = new LinkedHashSet<>();
    Expr e = l.expr();
    if (e instanceof Expr.TermExpr t) {
      VarAnalysis.provides(t.term(), false, out);
      if (t.term() instanceof Term.Call c && c.args().size() > 0 && c.args().size() == arity.applyAsInt(c) + 1) {
        VarAnalysis.provides(c.args().get(c.args().size() - 1), true, out);
      }
    } else if (e instanceof Expr.Unify u) {
      VarAnalysis.provides(u.left(), true, out);
      VarAnalysis.provides(u.right(), true, out);
    } else if (e instanceof Expr.Assign a) {
      VarAnalysis.provides(a.left(), true, out);
      VarAnalysis.provides(a.right(), true, out);
    } else if (e instanceof Expr.SomeIn s) {
      if (s.key() != null) {
        VarAnalysis.provides(s.key(), true, out);
      }
      VarAnalysis.provides(s.value(), true, out);
      VarAnalysis.provides(s.collection(), false, out);
    }
    return out;
  }

  private void reportUnsafe(
      List<Literal> remaining, List<Set<String>> remainingVars, Set<String> bound, Set<String> visible, List<Literal> done) {
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < remaining.size(); i++) {
      Literal l = remaining.get(i);
      for (String v : missing(l, bound, others(remainingVars, i, visible, done))) {
        if (reported.add(v)) {
          errors.add(new CompileError(locationOf(l, v), "rego_unsafe_var_error",
              "var " + sourceName(v) + " is unsafe"));
        }
      }
    }
  }

  private static Location locationOf(Literal l, String var) {
    Location[] found = {null};
    for (Term t : termsOf(l.expr())) {
      find(t, var, found);
    }
    return found[0] != null ? found[0] : l.location();
  }

  private static void find(Term t, String var, Location[] found) {
    if (found[0] != null) {
      return;
    }
    if (t instanceof Term.Var v && v.name().equals(var)) {
      found[0] = v.location();
    } else if (t instanceof Term.Ref r) {
      find(r.head(), var, found);
      r.path().forEach(p -> find(p, var, found));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(a -> find(a, var, found));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> find(x, var, found));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(x -> find(x, var, found));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(x -> find(x, var, found));
      o.values().forEach(x -> find(x, var, found));
    }
  }

  static List<Term> termsOf(Expr e) {
    if (e instanceof Expr.TermExpr t) {
      return List.of(t.term());
    } else if (e instanceof Expr.Unify u) {
      return List.of(u.left(), u.right());
    } else if (e instanceof Expr.Assign a) {
      return List.of(a.left(), a.right());
    } else if (e instanceof Expr.SomeIn s) {
      return s.key() == null ? List.of(s.value(), s.collection()) : List.of(s.key(), s.value(), s.collection());
    } else if (e instanceof Expr.Every ev) {
      return List.of(ev.domain());
    }
    return List.of();
  }

  private static Term termOf(Expr e) {
    return e instanceof Expr.Every ev ? ev.domain() : ((Expr.SomeIn) e).collection();
  }

  // ---- nested bodies ----

  private Literal rewriteNested(Literal l, Set<String> bound, Set<String> visible) {
    Expr e = l.expr();
    Expr ne;
    if (e instanceof Expr.TermExpr t) {
      ne = new Expr.TermExpr(nested(t.term(), bound, visible));
    } else if (e instanceof Expr.Unify u) {
      ne = new Expr.Unify(nested(u.left(), bound, visible), nested(u.right(), bound, visible));
    } else if (e instanceof Expr.Assign a) {
      ne = new Expr.Assign(a.left(), nested(a.right(), bound, visible));
    } else if (e instanceof Expr.SomeIn s) {
      ne = new Expr.SomeIn(s.key(), s.value(), nested(s.collection(), bound, visible));
    } else if (e instanceof Expr.Every ev) {
      Set<String> inner = new HashSet<>(bound);
      if (ev.key() != null) {
        inner.addAll(VarAnalysis.allVars(ev.key()));
      }
      inner.addAll(VarAnalysis.allVars(ev.value()));
      Body b = order(ev.body(), inner, visible);
      ne = new Expr.Every(ev.key(), ev.value(), nested(ev.domain(), bound, visible), b);
    } else {
      ne = e;
    }
    List<With> withs = new ArrayList<>();
    for (With w : l.withs()) {
      withs.add(new With(w.target(), nested(w.value(), bound, visible), w.location()));
    }
    return new Literal(l.negated(), ne, withs, l.location());
  }

  /** Orders comprehension bodies inside t. */
  Term nested(Term t, Set<String> bound, Set<String> visible) {
    if (t instanceof Term.ArrayComprehension c) {
      Set<String> inner = new HashSet<>(bound);
      Body b = order(c.body(), inner, union(visible, VarAnalysis.allVars(c.head())));
      checkHead(c.head(), inner);
      return new Term.ArrayComprehension(nested(c.head(), inner, visible), b, c.location());
    } else if (t instanceof Term.SetComprehension c) {
      Set<String> inner = new HashSet<>(bound);
      Body b = order(c.body(), inner, union(visible, VarAnalysis.allVars(c.head())));
      checkHead(c.head(), inner);
      return new Term.SetComprehension(nested(c.head(), inner, visible), b, c.location());
    } else if (t instanceof Term.ObjectComprehension c) {
      Set<String> inner = new HashSet<>(bound);
      Set<String> headVars = union(VarAnalysis.allVars(c.key()), VarAnalysis.allVars(c.value()));
      Body b = order(c.body(), inner, union(visible, headVars));
      checkHead(c.key(), inner);
      checkHead(c.value(), inner);
      return new Term.ObjectComprehension(nested(c.key(), inner, visible), nested(c.value(), inner, visible), b, c.location());
    } else if (t instanceof Term.Ref r) {
      List<Term> path = new ArrayList<>();
      r.path().forEach(p -> path.add(nested(p, bound, visible)));
      return new Term.Ref(nested(r.head(), bound, visible), path, r.location());
    } else if (t instanceof Term.Call c) {
      List<Term> args = new ArrayList<>();
      c.args().forEach(a -> args.add(nested(a, bound, visible)));
      return new Term.Call(c.operator(), args, c.location());
    } else if (t instanceof Term.ArrayTerm a) {
      return new Term.ArrayTerm(a.items().stream().map(x -> nested(x, bound, visible)).toList(), a.location());
    } else if (t instanceof Term.SetTerm s) {
      return new Term.SetTerm(s.items().stream().map(x -> nested(x, bound, visible)).toList(), s.location());
    } else if (t instanceof Term.ObjectTerm o) {
      return new Term.ObjectTerm(
          o.keys().stream().map(x -> nested(x, bound, visible)).toList(),
          o.values().stream().map(x -> nested(x, bound, visible)).toList(),
          o.location());
    }
    return t;
  }

  /** Reports head variables the body does not bind. */
  void checkHead(Term head, Set<String> bound) {
    Set<String> all = VarAnalysis.outerVars(head);
    Set<String> generated = new LinkedHashSet<>();
    VarAnalysis.provides(head, false, generated);
    all.removeAll(generated);
    for (String v : all) {
      if (!bound.contains(v) && !v.equals("data") && !v.equals("input")) {
        Location[] at = {null};
        find(head, v, at);
        errors.add(new CompileError(at[0] == null ? head.location() : at[0], "rego_unsafe_var_error",
            "var " + sourceName(v) + " is unsafe"));
      }
    }
  }

  /** The name as written: wildcards are {@code _}, renamed locals lose their {@code $n} suffix. */
  static String sourceName(String v) {
    if (v.startsWith("$")) {
      return "_";
    }
    int i = v.indexOf('$');
    return i < 0 ? v : v.substring(0, i);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return s;
  }
}

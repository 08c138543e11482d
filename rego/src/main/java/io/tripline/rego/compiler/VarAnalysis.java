package io.tripline.rego.compiler;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which variables a term or literal needs bound before it runs, and which it binds. Refs bind
 * the variables in their path (they iterate); patterns (vars, arrays, object values) bind by
 * unification; everything else must be bound.
 */
final class VarAnalysis {
  private VarAnalysis() {}

  /** Every variable in a term, including inside comprehensions. */
  static Set<String> allVars(Term t) {
    Set<String> out = new LinkedHashSet<>();
    collect(t, out);
    return out;
  }

  /** Variables of a term outside any comprehension inside it. */
  static Set<String> outerVars(Term t) {
    Set<String> out = new LinkedHashSet<>();
    if (isComprehension(t)) {
      return out;
    }
    if (t instanceof Term.Var v) {
      out.add(v.name());
    } else if (t instanceof Term.Ref r) {
      out.addAll(outerVars(r.head()));
      r.path().forEach(p -> out.addAll(outerVars(p)));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> out.addAll(outerVars(x)));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(x -> out.addAll(outerVars(x)));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(x -> out.addAll(outerVars(x)));
      o.values().forEach(x -> out.addAll(outerVars(x)));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(x -> out.addAll(outerVars(x)));
    }
    return out;
  }

  static Set<String> allVars(Literal l) {
    Set<String> out = new LinkedHashSet<>();
    collect(l, out);
    return out;
  }

  /**
   * Vars a literal itself can bind or read from its body, outside nested comprehension and
   * {@code every} bodies: a name used only inside a comprehension is that comprehension's own and is
   * neither captured from nor leaked to its sibling expressions.
   */
  static Set<String> outerVars(Literal l) {
    Set<String> out = new LinkedHashSet<>();
    Expr e = l.expr();
    if (e instanceof Expr.SomeDecl s) {
      s.vars().forEach(v -> out.add(v.name()));
    } else {
      for (Term t : BodyOrdering.termsOf(e)) {
        out.addAll(outerVars(t));
      }
    }
    for (With w : l.withs()) {
      out.addAll(outerVars(w.value()));
    }
    return out;
  }

  static Set<String> allVars(Body b) {
    Set<String> out = new LinkedHashSet<>();
    for (Literal l : b.literals()) {
      collect(l, out);
    }
    return out;
  }

  private static void collect(Literal l, Set<String> out) {
    Expr e = l.expr();
    if (e instanceof Expr.TermExpr t) {
      collect(t.term(), out);
    } else if (e instanceof Expr.Unify u) {
      collect(u.left(), out);
      collect(u.right(), out);
    } else if (e instanceof Expr.Assign a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (e instanceof Expr.SomeDecl s) {
      s.vars().forEach(v -> out.add(v.name()));
    } else if (e instanceof Expr.SomeIn s) {
      if (s.key() != null) {
        collect(s.key(), out);
      }
      collect(s.value(), out);
      collect(s.collection(), out);
    } else if (e instanceof Expr.Every ev) {
      if (ev.key() != null) {
        collect(ev.key(), out);
      }
      collect(ev.value(), out);
      collect(ev.domain(), out);
      for (Literal x : ev.body().literals()) {
        collect(x, out);
      }
    }
    for (With w : l.withs()) {
      collect(w.value(), out);
    }
  }

  static void collect(Term t, Set<String> out) {
    if (t instanceof Term.Var v) {
      out.add(v.name());
    } else if (t instanceof Term.Ref r) {
      collect(r.head(), out);
      r.path().forEach(p -> collect(p, out));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> collect(x, out));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(x -> collect(x, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(x -> collect(x, out));
      o.values().forEach(x -> collect(x, out));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(x -> collect(x, out));
    } else if (t instanceof Term.ArrayComprehension c) {
      collect(c.head(), out);
      c.body().literals().forEach(l -> collect(l, out));
    } else if (t instanceof Term.SetComprehension c) {
      collect(c.head(), out);
      c.body().literals().forEach(l -> collect(l, out));
    } else if (t instanceof Term.ObjectComprehension c) {
      collect(c.key(), out);
      collect(c.value(), out);
      c.body().literals().forEach(l -> collect(l, out));
    }
  }

  /** Vars that must be bound for t to be evaluated; pattern positions may stay unbound. */
  static void needs(Term t, boolean pattern, Set<String> outer, Set<String> out) {
    if (t instanceof Term.Var v) {
      if (!pattern) {
        out.add(v.name());
      }
    } else if (t instanceof Term.Ref r) {
      if (r.head() instanceof Term.Var v) {
        if (!v.name().equals("data") && !v.name().equals("input")) {
          out.add(v.name());
        }
      } else {
        needs(r.head(), false, outer, out);
      }
      for (Term p : r.path()) {
        needs(p, true, outer, out);
      }
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> needs(x, pattern, outer, out));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(x -> needs(x, false, outer, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(x -> needs(x, false, outer, out));
      o.values().forEach(x -> needs(x, pattern, outer, out));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(x -> needs(x, false, outer, out));
    } else if (isComprehension(t)) {
      for (String v : allVars(t)) {
        if (outer.contains(v) && !v.equals("data") && !v.equals("input")) {
          out.add(v);
        }
      }
    }
  }

  /** Vars bound once t has been evaluated or unified (in a pattern position when pattern). */
  static void provides(Term t, boolean pattern, Set<String> out) {
    if (t instanceof Term.Var v) {
      if (pattern) {
        out.add(v.name());
      }
    } else if (t instanceof Term.Ref r) {
      if (!(r.head() instanceof Term.Var)) {
        provides(r.head(), false, out);
      }
      for (Term p : r.path()) {
        provides(p, true, out);
      }
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> provides(x, pattern, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.values().forEach(x -> provides(x, pattern, out));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(x -> provides(x, false, out));
    }
  }

  /** Vars in pattern positions of t (the var itself, array items, object values). */
  static Set<String> patternVars(Term t) {
    Set<String> out = new LinkedHashSet<>();
    patternVars(t, out);
    return out;
  }

  private static void patternVars(Term t, Set<String> out) {
    if (t instanceof Term.Var v) {
      out.add(v.name());
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> patternVars(x, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.values().forEach(x -> patternVars(x, out));
    }
  }

  static boolean isComprehension(Term t) {
    return t instanceof Term.ArrayComprehension
        || t instanceof Term.SetComprehension
        || t instanceof Term.ObjectComprehension;
  }

  static boolean isComposite(Term t) {
    return t instanceof Term.ArrayTerm || t instanceof Term.ObjectTerm;
  }

  static List<Term> withValues(Literal l) {
    return l.withs().stream().map(With::value).toList();
  }
}

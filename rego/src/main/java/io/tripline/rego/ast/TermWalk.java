package io.tripline.rego.ast;

import java.util.function.Consumer;

/** Visits every term of a body or term, depth first, including nested bodies and with values. */
public final class TermWalk {
  private TermWalk() {}

  public static void body(Body b, Consumer<Term> visit) {
    for (Literal l : b.literals()) {
      literal(l, visit);
    }
  }

  public static void literal(Literal l, Consumer<Term> visit) {
    Expr e = l.expr();
    if (e instanceof Expr.TermExpr t) {
      term(t.term(), visit);
    } else if (e instanceof Expr.Unify u) {
      term(u.left(), visit);
      term(u.right(), visit);
    } else if (e instanceof Expr.Assign a) {
      term(a.left(), visit);
      term(a.right(), visit);
    } else if (e instanceof Expr.SomeIn s) {
      if (s.key() != null) {
        term(s.key(), visit);
      }
      term(s.value(), visit);
      term(s.collection(), visit);
    } else if (e instanceof Expr.Every ev) {
      term(ev.domain(), visit);
      body(ev.body(), visit);
    }
    for (With w : l.withs()) {
      term(w.target(), visit);
      term(w.value(), visit);
    }
  }

  public static void term(Term t, Consumer<Term> visit) {
    visit.accept(t);
    if (t instanceof Term.Ref r) {
      term(r.head(), visit);
      r.path().forEach(p -> term(p, visit));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(a -> term(a, visit));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> term(x, visit));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(x -> term(x, visit));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(x -> term(x, visit));
      o.values().forEach(x -> term(x, visit));
    } else if (t instanceof Term.ArrayComprehension c) {
      term(c.head(), visit);
      body(c.body(), visit);
    } else if (t instanceof Term.SetComprehension c) {
      term(c.head(), visit);
      body(c.body(), visit);
    } else if (t instanceof Term.ObjectComprehension c) {
      term(c.key(), visit);
      term(c.value(), visit);
      body(c.body(), visit);
    }
  }
}

package io.tripline.rego.ast;

/**
 * How much Java stack evaluating a piece of syntax can take, in nesting levels: a term counts
 * its nesting, a body its length plus its deepest literal (the evaluator continues from one
 * literal to the next on the stack). Policies and queries above {@link #DEEP} are evaluated on a
 * thread with a large stack.
 */
public final class StackWeight {
  /** Above this weight an evaluation needs a large stack. */
  public static final int DEEP = 200;

  private StackWeight() {}

  public static int rule(Rule r) {
    int w = r.body() == null ? 0 : body(r.body());
    if (r.value() != null) {
      w = Math.max(w, term(r.value()));
    }
    if (r.key() != null) {
      w = Math.max(w, term(r.key()));
    }
    for (Term t : r.args() == null ? java.util.List.<Term>of() : r.args()) {
      w = Math.max(w, term(t));
    }
    int elses = 0;
    for (ElseClause e : r.elses()) {
      elses++;
      w = Math.max(w, elses + Math.max(body(e.body()), e.value() == null ? 0 : term(e.value())));
    }
    return w;
  }

  public static int body(Body b) {
    int deepest = 0;
    for (Literal l : b.literals()) {
      deepest = Math.max(deepest, literal(l));
    }
    return b.literals().size() + deepest;
  }

  static int literal(Literal l) {
    int w = 0;
    Expr e = l.expr();
    if (e instanceof Expr.TermExpr t) {
      w = term(t.term());
    } else if (e instanceof Expr.Unify u) {
      w = Math.max(term(u.left()), term(u.right()));
    } else if (e instanceof Expr.Assign a) {
      w = Math.max(term(a.left()), term(a.right()));
    } else if (e instanceof Expr.SomeIn s) {
      w = Math.max(s.key() == null ? 0 : term(s.key()), Math.max(term(s.value()), term(s.collection())));
    } else if (e instanceof Expr.Every ev) {
      w = Math.max(term(ev.domain()), body(ev.body()));
    }
    for (With x : l.withs()) {
      w = Math.max(w, Math.max(term(x.target()), term(x.value())));
    }
    return w + l.withs().size();
  }

  public static int term(Term t) {
    int w = 0;
    if (t instanceof Term.Ref r) {
      w = term(r.head());
      for (Term p : r.path()) {
        w = Math.max(w, term(p));
      }
    } else if (t instanceof Term.Call c) {
      for (Term a : c.args()) {
        w = Math.max(w, term(a));
      }
    } else if (t instanceof Term.ArrayTerm a) {
      for (Term x : a.items()) {
        w = Math.max(w, term(x));
      }
    } else if (t instanceof Term.SetTerm s) {
      for (Term x : s.items()) {
        w = Math.max(w, term(x));
      }
    } else if (t instanceof Term.ObjectTerm o) {
      for (Term x : o.keys()) {
        w = Math.max(w, term(x));
      }
      for (Term x : o.values()) {
        w = Math.max(w, term(x));
      }
    } else if (t instanceof Term.ArrayComprehension c) {
      w = Math.max(term(c.head()), body(c.body()));
    } else if (t instanceof Term.SetComprehension c) {
      w = Math.max(term(c.head()), body(c.body()));
    } else if (t instanceof Term.ObjectComprehension c) {
      w = Math.max(Math.max(term(c.key()), term(c.value())), body(c.body()));
    }
    return w + 1;
  }
}

package io.tripline.rego.eval;

import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Term;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.Value;
import java.util.List;

/**
 * Evaluates bodies literal by literal with backtracking: expressions, {@code not},
 * {@code some ... in}, {@code every}; {@code with} is delegated to {@link WithEval}.
 */
final class BodyEval {
  private final Evaluation ev;
  private final WithEval withs;

  BodyEval(Evaluation ev) {
    this.ev = ev;
    this.withs = new WithEval(ev);
  }

  /** Evaluates literals[i..]; {@code k} runs once per solution. */
  boolean eval(List<Literal> lits, int i, Bindings b, Next k) {
    return eval(lits, i, b, null, k);
  }

  /** As {@link #eval(List, int, Bindings, Next)}, recording each literal's value in {@code values}. */
  boolean eval(List<Literal> lits, int i, Bindings b, Value[] values, Next k) {
    if (ev.limited && !lits.isEmpty()) {
      ev.tick(lits.get(Math.min(i, lits.size() - 1)).location());
    }
    if (i == lits.size()) {
      return k.run();
    }
    Literal l = lits.get(i);
    if (ev.tracer != null) {
      ev.tracer.expression(l.location());
    }
    Next rest = () -> eval(lits, i + 1, b, values, k);
    if (l.withs().isEmpty()) {
      return literal(l, b, values, i, rest);
    }
    return withs.apply(l, b, after -> literal(l, b, values, i, after), rest);
  }

  /** One literal without its with modifiers (those are already in effect). */
  boolean literal(Literal l, Bindings b, Value[] values, int index, Next k) {
    if (l.negated()) {
      int mark = b.mark();
      boolean[] found = {false};
      expr(l, b, null, index, () -> {
        found[0] = true;
        return false;
      });
      b.undo(mark);
      if (found[0]) {
        return true;
      }
      if (values != null) {
        values[index] = BooleanValue.TRUE;
      }
      return k.run();
    }
    return expr(l, b, values, index, k);
  }

  private boolean expr(Literal l, Bindings b, Value[] values, int index, Next k) {
    Expr e = l.expr();
    if (e instanceof Expr.TermExpr t) {
      Term term = t.term();
      if (term instanceof Term.Call c && ev.calls.hasOutputArg(c)) {
        return ev.calls.callWithOutput(c, b, () -> record(values, index, BooleanValue.TRUE, k));
      }
      return ev.terms.eval(term, b, v -> v == BooleanValue.FALSE || record(values, index, v, k));
    }
    if (e instanceof Expr.Unify u) {
      return ev.unifier.unify(u.left(), u.right(), b, () -> record(values, index, BooleanValue.TRUE, k));
    }
    if (e instanceof Expr.Assign a) {
      return ev.unifier.unify(a.left(), a.right(), b, () -> record(values, index, BooleanValue.TRUE, k));
    }
    if (e instanceof Expr.SomeDecl) {
      return record(values, index, BooleanValue.TRUE, k);
    }
    if (e instanceof Expr.SomeIn s) {
      return ev.terms.eval(s.collection(), b, coll -> RefEval.each(coll, (key, val) -> {
        Next bindValue = () -> ev.unifier.unifyValue(s.value(), val, b, () -> record(values, index, BooleanValue.TRUE, k));
        return s.key() == null ? bindValue.run() : ev.unifier.unifyValue(s.key(), key, b, bindValue);
      }));
    }
    return every((Expr.Every) e, b, () -> record(values, index, BooleanValue.TRUE, k));
  }

  private boolean every(Expr.Every e, Bindings b, Next k) {
    return ev.terms.eval(e.domain(), b, domain -> {
      boolean all = RefEval.each(domain, (key, val) -> {
        int mark = b.mark();
        boolean[] ok = {false};
        Next body = () -> eval(e.body().literals(), 0, b, () -> {
          ok[0] = true;
          return false;
        });
        Next bindValue = () -> ev.unifier.unifyValue(e.value(), val, b, body);
        if (e.key() == null) {
          bindValue.run();
        } else {
          ev.unifier.unifyValue(e.key(), key, b, bindValue);
        }
        b.undo(mark);
        return ok[0];
      });
      return !all || k.run();
    });
  }

  private static boolean record(Value[] values, int index, Value v, Next k) {
    if (values != null) {
      values[index] = v;
    }
    return k.run();
  }
}

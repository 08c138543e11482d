package io.tripline.rego;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Term;
import io.tripline.rego.builtins.Builtin;
import io.tripline.rego.builtins.BuiltinTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OPA's rewrite of a top-level query so that {@code opa eval} reports each expression's value
 * (rego.go, rewriteQueryToCaptureValue): a term or a function call {@code e} becomes
 * {@code __localqN__ = e}, so {@code false} and {@code 1 == 2} are defined with the value false
 * instead of failing. When the query has several expressions or iterates, the captured value must
 * still hold: a check {@code __localqN__} is appended, so a false expression keeps the query
 * undefined. Negated expressions, unifications, assignments and calls given their output
 * argument are left alone.
 */
final class QueryCapture {

  static final String PREFIX = "__localq";

  /** The rewritten body and, by literal index, the variable capturing its value. */
  record Rewritten(Body body, Map<Integer, String> captures, int expressions) {}

  private QueryCapture() {}

  static Rewritten rewrite(Body query, BuiltinTable builtins) {
    boolean check = query.literals().size() > 1 || iterates(query);
    List<Literal> out = new ArrayList<>(query.literals());
    List<Literal> checks = new ArrayList<>();
    Map<Integer, String> captures = new HashMap<>();
    for (int i = 0; i < query.literals().size(); i++) {
      Literal l = query.literals().get(i);
      if (l.negated() || !(l.expr() instanceof Expr.TermExpr t)) {
        continue;
      }
      if (t.term() instanceof Term.Call c && !returnsValue(c, builtins)) {
        continue;
      }
      String name = PREFIX + i + "__";
      out.set(i, l.withExpr(new Expr.Unify(t.term(), new Term.Var(name, l.location()))));
      captures.put(i, name);
      if (check) {
        // A location of its own: the compiler pairs ordered literals with their source by location.
        Location at = new Location("<capture>", i + 1, 1);
        checks.add(new Literal(false, new Expr.TermExpr(new Term.Var(name, at)), List.of(), at));
      }
    }
    out.addAll(checks);
    return new Rewritten(new Body(List.copyOf(out), query.location()), Map.copyOf(captures), query.literals().size());
  }

  /** A call written without its output argument: a builtin called with exactly its arity, or a user function. */
  private static boolean returnsValue(Term.Call c, BuiltinTable builtins) {
    if (c.name().equals("print")) {
      return false;
    }
    Builtin b = builtins.get(c.name());
    if (b == null) {
      return true; // a user function (data.lib.f(x)) or an internal operator; the compiler rejects a wrong arity
    }
    return b.signature().variadic() || b.signature().arity() == c.args().size();
  }

  /** True when a reference outside comprehensions has a variable in its path (OPA's iteration check). */
  static boolean iterates(Body body) {
    for (Literal l : body.literals()) {
      Expr e = l.expr();
      boolean found = false;
      if (e instanceof Expr.TermExpr t) {
        found = iterates(t.term());
      } else if (e instanceof Expr.Unify u) {
        found = iterates(u.left()) || iterates(u.right());
      } else if (e instanceof Expr.Assign a) {
        found = iterates(a.right());
      } else if (e instanceof Expr.SomeIn in) {
        found = iterates(in.collection());
      }
      if (found) {
        return true;
      }
    }
    return false;
  }

  private static boolean iterates(Term t) {
    if (t instanceof Term.Ref r) {
      for (Term p : r.path()) {
        if (p instanceof Term.Var || iterates(p)) {
          return true;
        }
      }
      return iterates(r.head());
    }
    if (t instanceof Term.Call c) {
      return c.args().stream().anyMatch(QueryCapture::iterates);
    }
    if (t instanceof Term.ArrayTerm a) {
      return a.items().stream().anyMatch(QueryCapture::iterates);
    }
    if (t instanceof Term.SetTerm s) {
      return s.items().stream().anyMatch(QueryCapture::iterates);
    }
    if (t instanceof Term.ObjectTerm o) {
      return o.keys().stream().anyMatch(QueryCapture::iterates) || o.values().stream().anyMatch(QueryCapture::iterates);
    }
    return false; // scalars, variables, comprehensions
  }
}

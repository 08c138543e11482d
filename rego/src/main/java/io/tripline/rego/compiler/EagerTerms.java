package io.tripline.rego.compiler;

import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Terms OPA's compiler binds to a variable by an expression of their own, placed before the
 * expression that uses them, so that they are evaluated eagerly.
 *
 * <p>{@code with} values that read variables ({@code RewriteWithValues}): in
 * {@code x := q with input.v as [1, 2, 3][_]} the value is a generator, and each of its values
 * is one evaluation of {@code q}.
 *
 * <p>Arguments of a negated call ({@code RewriteDynamicTerms} and {@code RewriteExprTerms}): in
 * {@code not f(input.missing)}, {@code not startswith(input.missing, "a")} or
 * {@code not s[input.missing]}, the reference or nested call is bound to a variable by an
 * expression of its own before the {@code not}, so an undefined argument makes the body
 * undefined instead of making the negation true. A negated reference keeps its own
 * undefinedness ({@code not input.missing} holds); only the references and calls in its
 * brackets are taken out.
 */
final class EagerTerms {
  private final Supplier<String> fresh;

  EagerTerms(Supplier<String> fresh) {
    this.fresh = fresh;
  }

  /** The literals that replace {@code l}: the bindings of its eager terms, then {@code l} itself. */
  List<Literal> rewrite(Literal l) {
    List<Literal> out = new ArrayList<>();
    Literal withValuesBound = withValues(l, out);
    out.addAll(negatedArguments(withValuesBound));
    return out;
  }

  /** {@code l} with its variable-reading {@code with} values replaced by fresh variables bound in {@code out}. */
  private Literal withValues(Literal l, List<Literal> out) {
    if (l.withs().isEmpty()) {
      return l;
    }
    List<With> withs = new ArrayList<>();
    boolean changed = false;
    for (With w : l.withs()) {
      // a bare name may be a function mock (`with count as my_count`): kept as written
      if (readsVariables(w.value())) {
        Term.Var v = new Term.Var(fresh.get(), w.value().location());
        out.add(new Literal(false, new Expr.Unify(v, w.value()), List.of(), l.location()));
        withs.add(new With(w.target(), v, w.location()));
        changed = true;
      } else {
        withs.add(w);
      }
    }
    return changed ? new Literal(l.negated(), l.expr(), withs, l.location()) : l;
  }

  /**
   * Whether t reads a local variable. A name (a variable, or a reference of constant strings such
   * as {@code data.lib.f} or {@code opa.runtime}) may be a function mock and is kept as written.
   */
  private static boolean readsVariables(Term t) {
    if (t instanceof Term.Var) {
      return false;
    }
    if (t instanceof Term.Ref r && r.head() instanceof Term.Var
        && r.path().stream().allMatch(p -> p instanceof Term.Scalar s && s.value() instanceof StringValue)) {
      return false;
    }
    java.util.Set<String> vars = VarAnalysis.allVars(t);
    vars.remove("data");
    vars.remove("input");
    return !vars.isEmpty();
  }

  private List<Literal> negatedArguments(Literal l) {
    if (!l.negated() || !(l.expr() instanceof Expr.TermExpr t)) {
      return List.of(l);
    }
    List<Literal> out = new ArrayList<>();
    Term rewritten;
    if (t.term() instanceof Term.Call c) {
      List<Term> args = new ArrayList<>();
      for (Term a : c.args()) {
        args.add(hoist(a, l, out));
      }
      rewritten = new Term.Call(c.operator(), args, c.location());
    } else if (t.term() instanceof Term.Ref r) {
      rewritten = new Term.Ref(r.head(), indices(r, l, out), r.location());
    } else {
      return List.of(l);
    }
    if (out.isEmpty()) {
      return List.of(l);
    }
    out.add(l.withExpr(new Expr.TermExpr(rewritten)));
    return out;
  }

  private List<Term> indices(Term.Ref r, Literal l, List<Literal> out) {
    List<Term> path = new ArrayList<>();
    for (Term p : r.path()) {
      path.add(hoist(p, l, out));
    }
    return path;
  }

  /** {@code t} with its references and calls replaced by fresh variables bound in {@code out}. */
  private Term hoist(Term t, Literal l, List<Literal> out) {
    if (t instanceof Term.Ref r) {
      if (r.head() instanceof Term.Var && r.path().isEmpty()) {
        // a bare root (input, data, a local): nothing to evaluate ahead; kept as the reference it is
        return r;
      }
      return bind(new Term.Ref(r.head(), indices(r, l, out), r.location()), l, out);
    }
    if (t instanceof Term.Call c) {
      List<Term> args = new ArrayList<>();
      for (Term a : c.args()) {
        args.add(hoist(a, l, out));
      }
      return bind(new Term.Call(c.operator(), args, c.location()), l, out);
    }
    if (t instanceof Term.ArrayTerm a) {
      return new Term.ArrayTerm(each(a.items(), l, out), a.location());
    }
    if (t instanceof Term.SetTerm s) {
      return new Term.SetTerm(each(s.items(), l, out), s.location());
    }
    if (t instanceof Term.ObjectTerm o) {
      return new Term.ObjectTerm(each(o.keys(), l, out), each(o.values(), l, out), o.location());
    }
    return t;
  }

  private List<Term> each(List<Term> items, Literal l, List<Literal> out) {
    List<Term> r = new ArrayList<>();
    for (Term t : items) {
      r.add(hoist(t, l, out));
    }
    return r;
  }

  private Term bind(Term value, Literal l, List<Literal> out) {
    Term.Var v = new Term.Var(fresh.get(), value.location());
    out.add(new Literal(false, new Expr.Unify(v, value), l.withs(), l.location()));
    return v;
  }
}

package io.tripline.rego.compiler;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rewrites a module's names: variables that name rules of the package or imports become
 * {@code data} references, calls are bound to user functions or builtins, locals declared in
 * nested bodies are renamed when they shadow an outer variable.
 */
final class Resolver {
  private final List<String> pkg;
  private final Set<String> ruleNames;
  private final Map<String, Term.Ref> imports;
  private final Predicate<String> isBuiltin;
  private final List<CompileError> errors;
  private int fresh;
  private final EagerTerms eagerTerms = new EagerTerms(() -> "$eager" + (++fresh));

  Resolver(List<String> pkg, Set<String> ruleNames, Map<String, Term.Ref> imports, Predicate<String> isBuiltin,
      List<CompileError> errors) {
    this.pkg = pkg;
    this.ruleNames = ruleNames;
    this.imports = imports;
    this.isBuiltin = isBuiltin;
    this.errors = errors;
  }

  Rule resolveRule(Rule r) {
    Scope scope = new Scope(null);
    List<Term> args = new ArrayList<>();
    Set<String> argVars = new LinkedHashSet<>();
    for (Term a : r.args()) {
      VarAnalysis.collect(a, argVars);
    }
    argVars.forEach(v -> scope.define(v, v));
    declareBody(r.body(), scope, true);
    for (ElseClause e : r.elses()) {
      declareBody(e.body(), scope, false);
    }
    for (Term a : r.args()) {
      args.add(term(a, scope));
    }
    Body body = body(r.body(), scope);
    List<Term> headPath = new ArrayList<>();
    for (Term p : r.head().path()) {
      headPath.add(term(p, scope));
    }
    Term.Ref head = new Term.Ref(r.head().head(), headPath, r.head().location());
    Term key = r.key() == null ? null : term(r.key(), scope);
    Term value = term(r.value(), scope);
    List<ElseClause> elses = new ArrayList<>();
    for (ElseClause e : r.elses()) {
      elses.add(new ElseClause(term(e.value(), scope), body(e.body(), scope), e.location()));
    }
    return new Rule(head, r.kind(), args, key, value, body, r.isDefault(), elses, r.annotations(), r.location());
  }

  Body resolveQuery(Body b) {
    Scope scope = new Scope(null);
    declareBody(b, scope, true);
    // a query's own literals stay one for one (each is an expression of the result); the eager
    // bindings OPA's query compiler adds (with values that read variables, negated call arguments)
    // come before their literal, located at the term they bind, and are no expression of the result
    Body plain = body(b, scope, false);
    List<Literal> out = new ArrayList<>();
    for (Literal l : plain.literals()) {
      List<Literal> rewritten = eagerTerms.rewrite(l);
      for (int i = 0; i < rewritten.size() - 1; i++) {
        Literal helper = rewritten.get(i);
        Location at = helper.expr() instanceof Expr.Unify u ? u.right().location() : helper.location();
        out.add(new Literal(helper.negated(), helper.expr(), helper.withs(), at));
      }
      out.add(rewritten.get(rewritten.size() - 1));
    }
    return new Body(out, plain.location());
  }

  /** Defines the body's own variables in scope: declared ones and every non-global name. */
  private void declareBody(Body b, Scope scope, boolean checkReassign) {
    Set<String> assigned = new java.util.HashSet<>();
    for (Literal l : b.literals()) {
      for (String v : declared(l)) {
        if (scope.lookup(v) == null || !scope.definedHere(v)) {
          scope.define(v, v);
        }
      }
      if (checkReassign && l.expr() instanceof Expr.Assign a) {
        for (String v : VarAnalysis.patternVars(a.left())) {
          if (!v.startsWith("$") && !assigned.add(v)) {
            errors.add(new CompileError(l.location(), "rego_compile_error", "var " + v + " assigned above"));
          }
        }
      }
    }
    for (Literal l : b.literals()) {
      Set<String> vars = new LinkedHashSet<>();
      topLevelVars(l, vars);
      for (String v : vars) {
        if (scope.lookup(v) == null && !isGlobal(v)) {
          scope.define(v, v);
        }
      }
    }
  }

  private static Set<String> declared(Literal l) {
    Set<String> out = new LinkedHashSet<>();
    Expr e = l.expr();
    if (e instanceof Expr.SomeDecl s) {
      s.vars().forEach(v -> out.add(v.name()));
    } else if (e instanceof Expr.Assign a) {
      out.addAll(VarAnalysis.patternVars(a.left()));
    } else if (e instanceof Expr.SomeIn s) {
      if (s.key() != null) {
        out.addAll(VarAnalysis.patternVars(s.key()));
      }
      out.addAll(VarAnalysis.patternVars(s.value()));
    }
    return out;
  }

  /** Vars of a literal outside nested comprehension and every bodies. */
  private static void topLevelVars(Literal l, Set<String> out) {
    for (Term t : BodyOrdering.termsOf(l.expr())) {
      topLevel(t, out);
    }
    if (l.expr() instanceof Expr.Every ev) {
      return;
    }
    for (With w : l.withs()) {
      topLevel(w.value(), out);
    }
  }

  private static void topLevel(Term t, Set<String> out) {
    if (VarAnalysis.isComprehension(t)) {
      return;
    }
    if (t instanceof Term.Var v) {
      out.add(v.name());
    } else if (t instanceof Term.Ref r) {
      topLevel(r.head(), out);
      r.path().forEach(p -> topLevel(p, out));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(x -> topLevel(x, out));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(x -> topLevel(x, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(x -> topLevel(x, out));
      o.values().forEach(x -> topLevel(x, out));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(x -> topLevel(x, out));
    }
  }

  private boolean isGlobal(String name) {
    return name.equals("input") || name.equals("data") || ruleNames.contains(name) || imports.containsKey(name);
  }

  private Body body(Body b, Scope scope) {
    return body(b, scope, true);
  }

  private Body body(Body b, Scope scope, boolean eagerTerms) {
    List<Literal> out = new ArrayList<>();
    // a variable declared (:=, some) further down is not yet visible to closures above it
    for (Literal l : b.literals()) {
      for (String v : declared(l)) {
        if (scope.definedHere(v)) {
          scope.pending.add(v);
        }
      }
    }
    for (Literal l : b.literals()) {
      Literal r = literal(l, scope);
      scope.pending.removeAll(declared(l));
      out.addAll(eagerTerms ? this.eagerTerms.rewrite(r) : List.of(r));
    }
    return new Body(out, b.location());
  }

  /** A nested body (comprehension, every): its declared vars shadow outer ones by renaming. */
  private Body nestedBody(Body b, Scope outer, Set<String> extraDeclared) {
    Scope scope = new Scope(outer);
    Set<String> decl = new LinkedHashSet<>(extraDeclared);
    for (Literal l : b.literals()) {
      decl.addAll(declared(l));
    }
    for (String v : decl) {
      scope.define(v, outer.lookup(v) != null && !v.startsWith("$") ? v + "$" + (++fresh) : v);
    }
    for (Literal l : b.literals()) {
      Set<String> vars = new LinkedHashSet<>();
      topLevelVars(l, vars);
      for (String v : vars) {
        if (scope.lookup(v) == null && !isGlobal(v)) {
          scope.define(v, v);
        }
      }
    }
    return body(b, scope);
  }

  private Literal literal(Literal l, Scope scope) {
    Expr e = l.expr();
    Expr out;
    if (e instanceof Expr.TermExpr t) {
      out = new Expr.TermExpr(term(t.term(), scope));
    } else if (e instanceof Expr.Unify u) {
      out = new Expr.Unify(term(u.left(), scope), term(u.right(), scope));
    } else if (e instanceof Expr.Assign a) {
      out = new Expr.Assign(term(a.left(), scope), term(a.right(), scope));
    } else if (e instanceof Expr.SomeDecl s) {
      out = new Expr.SomeDecl(s.vars().stream().map(v -> (Term.Var) term(v, scope)).toList());
    } else if (e instanceof Expr.SomeIn s) {
      // the collection is read before the new variables exist: `some a in [a]` reads the outer a
      Scope before = new Scope(scope);
      for (String v : declared(l)) {
        String outer = scope.definedHere(v) ? scope.lookupOutside(v) : null;
        if (outer != null) {
          before.define(v, outer);
        }
      }
      out = new Expr.SomeIn(s.key() == null ? null : term(s.key(), scope), term(s.value(), scope),
          term(s.collection(), before));
    } else {
      Expr.Every ev = (Expr.Every) e;
      Set<String> kv = new LinkedHashSet<>();
      if (ev.key() != null) {
        VarAnalysis.collect(ev.key(), kv);
      }
      VarAnalysis.collect(ev.value(), kv);
      Scope inner = new Scope(scope);
      for (String v : kv) {
        inner.define(v, scope.lookup(v) != null && !v.startsWith("$") ? v + "$" + (++fresh) : v);
      }
      Body body = nestedBody(ev.body(), inner, Set.of());
      out = new Expr.Every(ev.key() == null ? null : term(ev.key(), inner), term(ev.value(), inner),
          term(ev.domain(), scope), body);
    }
    List<With> withs = new ArrayList<>();
    for (With w : l.withs()) {
      withs.add(new With(withTarget(w.target(), scope), term(w.value(), scope), w.location()));
    }
    return new Literal(l.negated(), out, withs, l.location());
  }

  private Term withTarget(Term t, Scope scope) {
    Term.Ref r = t instanceof Term.Ref ref ? ref : new Term.Ref(t, List.of(), t.location());
    String head = r.head().toString();
    if (head.equals("input") || head.equals("data")) {
      return r;
    }
    return operator(r, r.location());
  }

  Term term(Term t, Scope scope) {
    if (t instanceof Term.Var v) {
      if (v.isWildcard()) {
        return v;
      }
      String local = scope.lookup(v.name());
      if (local != null) {
        return local.equals(v.name()) ? v : new Term.Var(local, v.location());
      }
      if (isGlobal(v.name())) {
        return globalRef(v, List.of(), v.location());
      }
      return v;
    } else if (t instanceof Term.Ref r) {
      List<Term> path = new ArrayList<>();
      r.path().forEach(p -> path.add(term(p, scope)));
      if (r.head() instanceof Term.Var v && scope.lookup(v.name()) == null && isGlobal(v.name())) {
        return globalRef(v, path, r.location());
      }
      return new Term.Ref(term(r.head(), scope), path, r.location());
    } else if (t instanceof Term.Call c) {
      List<Term> args = new ArrayList<>();
      c.args().forEach(a -> args.add(term(a, scope)));
      return new Term.Call(operator(c.operator(), c.location()), args, c.location());
    } else if (t instanceof Term.ArrayTerm a) {
      return ConstantFolding.fold(
          new Term.ArrayTerm(a.items().stream().map(x -> term(x, scope)).toList(), a.location()));
    } else if (t instanceof Term.SetTerm s) {
      return ConstantFolding.fold(
          new Term.SetTerm(s.items().stream().map(x -> term(x, scope)).toList(), s.location()));
    } else if (t instanceof Term.ObjectTerm o) {
      return ConstantFolding.fold(new Term.ObjectTerm(o.keys().stream().map(x -> term(x, scope)).toList(),
          o.values().stream().map(x -> term(x, scope)).toList(), o.location()));
    } else if (t instanceof Term.ArrayComprehension c) {
      Scope inner = comprehensionScope(scope, c.body(), VarAnalysis.allVars(c.head()));
      return new Term.ArrayComprehension(term(c.head(), inner), nestedBodyIn(c.body(), inner), c.location());
    } else if (t instanceof Term.SetComprehension c) {
      Scope inner = comprehensionScope(scope, c.body(), VarAnalysis.allVars(c.head()));
      return new Term.SetComprehension(term(c.head(), inner), nestedBodyIn(c.body(), inner), c.location());
    } else if (t instanceof Term.ObjectComprehension c) {
      Set<String> hv = new LinkedHashSet<>(VarAnalysis.allVars(c.key()));
      hv.addAll(VarAnalysis.allVars(c.value()));
      Scope inner = comprehensionScope(scope, c.body(), hv);
      return new Term.ObjectComprehension(term(c.key(), inner), term(c.value(), inner),
          nestedBodyIn(c.body(), inner), c.location());
    }
    return t;
  }

  private Scope comprehensionScope(Scope outer, Body b, Set<String> headVars) {
    Scope scope = new Scope(outer);
    Set<String> decl = new LinkedHashSet<>();
    for (Literal l : b.literals()) {
      decl.addAll(declared(l));
    }
    for (String v : decl) {
      scope.define(v, outer.lookup(v) != null && !v.startsWith("$") ? v + "$" + (++fresh) : v);
    }
    Set<String> vars = new LinkedHashSet<>(headVars);
    for (Literal l : b.literals()) {
      topLevelVars(l, vars);
    }
    for (String v : vars) {
      if (scope.lookup(v) == null && !isGlobal(v)) {
        scope.define(v, v);
      } else if (!scope.definedHere(v) && outer.isPending(v)) {
        scope.define(v, v + "$" + (++fresh));
      }
    }
    return scope;
  }

  private Body nestedBodyIn(Body b, Scope scope) {
    return body(b, scope);
  }

  private Term.Ref globalRef(Term.Var v, List<Term> path, Location at) {
    String name = v.name();
    if (name.equals("input") || name.equals("data")) {
      return new Term.Ref(v, path, at);
    }
    if (ruleNames.contains(name)) {
      List<Term> full = new ArrayList<>();
      for (String s : pkg) {
        full.add(new Term.Scalar(StringValue.of(s), at));
      }
      full.add(new Term.Scalar(StringValue.of(name), at));
      full.addAll(path);
      return new Term.Ref(new Term.Var("data", at), full, at);
    }
    Term.Ref imp = imports.get(name);
    List<Term> full = new ArrayList<>(imp.path());
    full.addAll(path);
    return new Term.Ref(new Term.Var(imp.head().toString(), at), full, at);
  }

  /** Binds a call's operator: a function of this package, an imported one, data.…, or a builtin. */
  private Term.Ref operator(Term.Ref op, Location at) {
    if (!(op.head() instanceof Term.Var v)) {
      return op;
    }
    String name = v.name();
    if (name.equals("data")) {
      return op;
    }
    if (ruleNames.contains(name) || imports.containsKey(name)) {
      return globalRef(v, op.path(), at);
    }
    if (!isBuiltin.test(op.dotted())) {
      errors.add(new CompileError(at, "rego_type_error", "undefined function " + op.dotted()));
    }
    return op;
  }
}

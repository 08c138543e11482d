package io.tripline.rego.ast;

import java.util.List;

/** The expression inside a literal. */
public sealed interface Expr {

  /** A term that must be defined and not false (calls, refs, comparisons). */
  record TermExpr(Term term) implements Expr {}

  /** {@code left = right}. */
  record Unify(Term left, Term right) implements Expr {}

  /** {@code left := right}: declares the variables on the left. */
  record Assign(Term left, Term right) implements Expr {}

  /** {@code some x, y}. */
  record SomeDecl(List<Term.Var> vars) implements Expr {}

  /** {@code some value in collection} or {@code some key, value in collection}; key may be null. */
  record SomeIn(Term key, Term value, Term collection) implements Expr {}

  /** {@code every key, value in domain { body }}; key may be null. */
  record Every(Term key, Term value, Term domain, Body body) implements Expr {}
}

package io.tripline.rego.ast;

import java.util.List;

/** One expression of a body, possibly negated with {@code not}, with its {@code with} modifiers. */
public record Literal(boolean negated, Expr expr, List<With> withs, Location location) implements Node {
  public Literal withExpr(Expr e) {
    return new Literal(negated, e, withs, location);
  }
}

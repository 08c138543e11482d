package io.tripline.rego.ast;

/** What a rule defines. */
public enum RuleKind {
  /** One value, possibly at a ref head with variables ({@code p := 1}, {@code p[k] := v}). */
  SINGLE_VALUE,
  /** Set members ({@code p contains x}). */
  MULTI_VALUE,
  /** A function ({@code f(x) := y}). */
  FUNCTION
}

package io.tripline.rego.ast;

/** {@code else := value if { body }}; value is {@code true} when omitted. */
public record ElseClause(Term value, Body body, Location location) implements Node {}

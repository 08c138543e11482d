package io.tripline.rego.ast;

/** {@code with target as value}: target is {@code input…}, {@code data…} or a function. */
public record With(Term target, Term value, Location location) implements Node {}

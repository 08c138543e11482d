package io.tripline.rego.ast;

import java.util.List;

/** A query or rule body: literals that must all hold. */
public record Body(List<Literal> literals, Location location) {}

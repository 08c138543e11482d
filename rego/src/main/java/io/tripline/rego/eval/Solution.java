package io.tripline.rego.eval;

import io.tripline.rego.value.Value;
import java.util.List;
import java.util.Map;

/** One result of a query: each expression's value (in query text order) and the variable bindings. */
public record Solution(List<Value> expressions, Map<String, Value> bindings) {}

package io.tripline.rego.builtins;

import io.tripline.rego.value.Value;

/** A builtin function: operand values in, one value out, or null for undefined. */
@FunctionalInterface
public interface Implementation {
  Value apply(BuiltinContext ctx, Arguments args);
}

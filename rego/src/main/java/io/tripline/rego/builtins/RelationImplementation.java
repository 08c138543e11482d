package io.tripline.rego.builtins;

import io.tripline.rego.value.Value;
import java.util.function.Predicate;

/**
 * A builtin that yields several results (like OPA's {@code walk}): each goes to {@code out},
 * which returns false when the evaluator wants no more.
 */
@FunctionalInterface
public interface RelationImplementation {
  void each(BuiltinContext ctx, Arguments args, Predicate<Value> out);
}

package io.tripline.rego.value;

/**
 * An immutable Rego value. Values order and compare as OPA does ({@link ValueOrder}): null, then
 * booleans, numbers, strings, arrays, objects and sets; equal values have equal hash codes, so
 * {@code 1} and {@code 1.0} are the same key.
 */
public sealed interface Value
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

  /** OPA's {@code type_name}: "null", "boolean", "number", "string", "array", "object", "set". */
  String typeName();

  /** Position of this value's type in OPA's cross-type order. */
  int typeRank();
}

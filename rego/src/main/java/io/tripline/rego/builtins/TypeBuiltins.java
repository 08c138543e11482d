package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;

/** {@code is_number} ... {@code is_null} and {@code type_name}. */
final class TypeBuiltins {
  private TypeBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    for (String type : new String[] {"number", "string", "boolean", "array", "set", "object", "null"}) {
      t.function("is_" + type, Signature.of(Type.BOOLEAN, Type.ANY),
          (c, a) -> BooleanValue.of(a.get(0).typeName().equals(type)));
    }
    t.function("type_name", Signature.of(Type.STRING, Type.ANY), (c, a) -> StringValue.of(a.get(0).typeName()));
  }
}

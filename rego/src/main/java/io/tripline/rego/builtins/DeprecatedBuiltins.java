package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;
import java.util.Set;

/**
 * The builtins OPA 1.x keeps for v0 modules only: {@code any}, {@code all}, the {@code cast_*}
 * family and {@code set_diff} here; {@code re_match} and {@code net.cidr_overlap} live with
 * their regex and CIDR families. A v1 module calling one is a compile error
 * ({@code deprecated built-in function calls in expression: any}).
 */
final class DeprecatedBuiltins {
  static final Set<String> NAMES = Set.of("any", "all", "re_match", "net.cidr_overlap", "set_diff", "cast_array",
      "cast_set", "cast_string", "cast_boolean", "cast_null", "cast_object");

  private DeprecatedBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type collection = Type.anyOf(Type.ARRAY, Type.SET);
    t.function("any", Signature.of(Type.BOOLEAN, collection), (c, a) -> {
      for (Value v : elements(a)) {
        if (v == BooleanValue.TRUE) {
          return BooleanValue.TRUE;
        }
      }
      return BooleanValue.FALSE;
    });
    t.function("all", Signature.of(Type.BOOLEAN, collection), (c, a) -> {
      for (Value v : elements(a)) {
        if (v != BooleanValue.TRUE) {
          return BooleanValue.FALSE;
        }
      }
      return BooleanValue.TRUE;
    });
    t.function("set_diff", Signature.of(Type.SET, Type.SET, Type.SET), (c, a) -> a.set(0).difference(a.set(1)));
    t.function("cast_array", Signature.of(Type.ARRAY, Type.ANY), (c, a) -> ArrayValue.of(elements(a)));
    t.function("cast_set", Signature.of(Type.SET, Type.ANY), (c, a) -> SetValue.of(elements(a)));
    t.function("cast_string", Signature.of(Type.STRING, Type.ANY), (c, a) -> same(a, StringValue.class, "string"));
    t.function("cast_boolean", Signature.of(Type.BOOLEAN, Type.ANY), (c, a) -> same(a, BooleanValue.class, "boolean"));
    t.function("cast_null", Signature.of(Type.NULL, Type.ANY), (c, a) -> same(a, NullValue.class, "null"));
    t.function("cast_object", Signature.of(Type.OBJECT, Type.ANY), (c, a) -> same(a, ObjectValue.class, "object"));
  }

  private static List<Value> elements(Arguments a) {
    Value v = a.get(0);
    if (v instanceof ArrayValue arr) {
      return arr.asList();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    throw OperandError.oneOf(a, 0, "array", "set");
  }

  private static Value same(Arguments a, Class<? extends Value> type, String name) {
    if (!type.isInstance(a.get(0))) {
      throw a.typeError(0, name);
    }
    return a.get(0);
  }
}

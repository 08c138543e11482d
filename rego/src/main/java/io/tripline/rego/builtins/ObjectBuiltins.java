package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;

/** {@code object.get}. */
final class ObjectBuiltins {
  private ObjectBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("object.get", Signature.of(Type.ANY, Type.OBJECT, Type.ANY, Type.ANY), ObjectBuiltins::get);
  }

  private static Value get(BuiltinContext c, Arguments a) {
    ObjectValue obj = a.object(0);
    Value key = a.get(1);
    Value fallback = a.get(2);
    if (!(key instanceof ArrayValue path)) {
      Value v = obj.get(key);
      return v == null ? fallback : v;
    }
    Value cur = obj;
    for (int i = 0; i < path.size(); i++) {
      Value next = Navigation.child(cur, path.get(i));
      if (next == null) {
        return fallback;
      }
      cur = next;
    }
    return cur;
  }
}

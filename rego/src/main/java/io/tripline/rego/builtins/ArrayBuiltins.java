package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code array.concat}, {@code array.slice}, {@code array.reverse}, {@code array.flatten}. */
final class ArrayBuiltins {
  private ArrayBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("array.concat", Signature.of(Type.ARRAY, Type.ARRAY, Type.ARRAY), (c, a) -> {
      ArrayValue x = a.array(0);
      ArrayValue y = a.array(1);
      List<Value> out = new ArrayList<>(x.size() + y.size());
      out.addAll(x.asList());
      out.addAll(y.asList());
      return ArrayValue.of(out);
    });
    t.function("array.slice", Signature.of(Type.ARRAY, Type.ARRAY, Type.NUMBER, Type.NUMBER), (c, a) -> {
      ArrayValue arr = a.array(0);
      int start = a.integer(1);
      int stop = a.integer(2);
      stop = Math.max(0, Math.min(stop, arr.size()));
      start = Math.max(0, Math.min(start, stop));
      return ArrayValue.of(arr.asList().subList(start, stop));
    });
    t.function("array.reverse", Signature.of(Type.ARRAY, Type.ARRAY), (c, a) -> {
      List<Value> out = new ArrayList<>(a.array(0).asList());
      java.util.Collections.reverse(out);
      return ArrayValue.of(out);
    });
    t.function("array.flatten", Signature.of(Type.ARRAY, Type.ARRAY), (c, a) -> {
      List<Value> out = new ArrayList<>();
      for (Value v : a.array(0).asList()) {
        if (v instanceof ArrayValue inner) {
          out.addAll(inner.asList());
        } else {
          out.add(v);
        }
      }
      return ArrayValue.of(out);
    });
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;

/** {@code concat}, {@code startswith}, {@code endswith}, {@code contains}, {@code sprintf}. */
final class StringBuiltins {
  private StringBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature pred = Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING);
    t.function("startswith", pred, (c, a) -> BooleanValue.of(a.string(0).startsWith(a.string(1))));
    t.function("endswith", pred, (c, a) -> BooleanValue.of(a.string(0).endsWith(a.string(1))));
    t.function("contains", pred, (c, a) -> BooleanValue.of(a.string(0).contains(a.string(1))));
    t.function("concat",
        Signature.of(Type.STRING, Type.STRING, Type.anyOf(Type.arrayOf(Type.STRING), Type.setOf(Type.STRING))),
        StringBuiltins::concat);
    t.function("sprintf", Signature.of(Type.STRING, Type.STRING, Type.arrayOf(Type.ANY)),
        (c, a) -> StringValue.of(GoFormat.sprintf(a.string(0), a.array(1).asList())));
  }

  private static Value concat(BuiltinContext c, Arguments a) {
    String delimiter = a.string(0);
    List<Value> parts;
    if (a.get(1) instanceof ArrayValue arr) {
      parts = arr.asList();
    } else if (a.get(1) instanceof SetValue set) {
      parts = set.elements();
    } else {
      throw a.typeError(1, "one of {array, set}");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (!(parts.get(i) instanceof StringValue s)) {
        throw a.typeError(1, "one of {array[string], set[string]}");
      }
      if (i > 0) {
        sb.append(delimiter);
      }
      sb.append(s.value());
    }
    return StringValue.of(sb.toString());
  }
}

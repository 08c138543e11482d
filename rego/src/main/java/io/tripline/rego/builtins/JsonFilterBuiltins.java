package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code json.filter} and {@code json.remove}: keep or drop the values at JSON paths. */
final class JsonFilterBuiltins {
  private JsonFilterBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type pathItem = Type.anyOf(Type.STRING, Type.ARRAY);
    Type paths = Type.anyOf(Type.arrayOf(pathItem), Type.setOf(pathItem));
    t.function("json.filter", Signature.of(Type.ANY, Type.OBJECT, paths), (c, a) -> {
      ObjectValue obj = a.object(0);
      return filter(obj, JsonPaths.tree(JsonPaths.operand(a, 1)));
    });
    t.function("json.remove", Signature.of(Type.ANY, Type.OBJECT, paths), (c, a) -> {
      ObjectValue obj = a.object(0);
      return remove(obj, JsonPaths.tree(JsonPaths.operand(a, 1)));
    });
  }

  /** OPA's Object.Filter: keeps what the filter tree names; a null filter keeps everything below. */
  static Value filter(Value v, Value filter) {
    if (filter instanceof NullValue || !(filter instanceof ObjectValue f)) {
      return v;
    }
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        Value sub = f.get(StringValue.of(Integer.toString(i)));
        if (sub != null) {
          out.add(filter(arr.get(i), sub));
        }
      }
      return ArrayValue.of(out);
    }
    if (v instanceof SetValue s) {
      List<Value> out = new ArrayList<>();
      for (Value e : s.elements()) {
        Value sub = f.get(e);
        if (sub != null) {
          out.add(filter(e, sub));
        }
      }
      return SetValue.of(out);
    }
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : f.entries()) {
        Value have = o.get(e.getKey());
        if (have != null) {
          b.put(e.getKey(), filter(have, e.getValue()));
        }
      }
      return b.build();
    }
    return v;
  }

  /** OPA's jsonRemove: drops the leaves of the tree; null means "removed". */
  static Value remove(Value v, Value tree) {
    if (tree == null) {
      return v;
    }
    if (tree instanceof NullValue) {
      return null;
    }
    if (!(tree instanceof ObjectValue t)) {
      return v;
    }
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries()) {
        Value kept = remove(e.getValue(), t.get(e.getKey()));
        if (kept != null) {
          b.put(e.getKey(), kept);
        }
      }
      return b.build();
    }
    if (v instanceof SetValue s) {
      List<Value> out = new ArrayList<>();
      for (Value e : s.elements()) {
        Value kept = remove(e, t.get(e));
        if (kept != null) {
          out.add(kept);
        }
      }
      return SetValue.of(out);
    }
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        Value kept = remove(arr.get(i), t.get(StringValue.of(Integer.toString(i))));
        if (kept != null) {
          out.add(kept);
        }
      }
      return ArrayValue.of(out);
    }
    return v;
  }
}

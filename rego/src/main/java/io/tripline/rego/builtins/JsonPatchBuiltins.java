package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code json.patch}: RFC 6902 operations applied to any Rego value, as OPA's edit tree does,
 * including sets (a set element is its own path segment). The patches apply atomically: if any
 * fails, the result is undefined.
 */
final class JsonPatchBuiltins {
  private JsonPatchBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("json.patch", Signature.of(Type.ANY, Type.ANY, Type.arrayOf(Type.OBJECT)), (c, a) -> {
      Value doc = a.get(0);
      ArrayValue ops = a.array(1);
      try {
        for (Value op : ops.asList()) {
          doc = apply(doc, op);
        }
        return doc;
      } catch (PatchFailed e) {
        return null;
      }
    });
  }

  /** A patch that cannot be applied; json.patch is then undefined. */
  private static final class PatchFailed extends RuntimeException {
    PatchFailed(String message) {
      super(message, null, false, false);
    }
  }

  private static Value apply(Value doc, Value opValue) {
    if (!(opValue instanceof ObjectValue op)) {
      throw new PatchFailed("must be an array of JSON-Patch objects, but at least one element is not an object");
    }
    String name = op.get("op") instanceof StringValue s ? s.value() : null;
    if (name == null) {
      throw new PatchFailed("missing 'op' attribute");
    }
    List<Value> path = path(op, "path");
    switch (name) {
      case "add":
        return insert(doc, path, 0, attribute(op, "value"));
      case "remove":
        return delete(doc, path, 0);
      case "replace":
        // path "" replaces the whole document
        return path.isEmpty() ? attribute(op, "value") : insert(delete(doc, path, 0), path, 0, attribute(op, "value"));
      case "move": {
        List<Value> from = path(op, "from");
        Value chunk = render(doc, from);
        return insert(delete(doc, from, 0), path, 0, chunk);
      }
      case "copy":
        return insert(doc, path, 0, render(doc, path(op, "from")));
      case "test":
        if (!render(doc, path).equals(attribute(op, "value"))) {
          throw new PatchFailed("value from EditTree != patch value");
        }
        return doc;
      default:
        throw new PatchFailed("unrecognized op '" + name + "'");
    }
  }

  private static Value attribute(ObjectValue op, String name) {
    Value v = op.get(name);
    if (v == null) {
      throw new PatchFailed("missing '" + name + "' attribute");
    }
    return v;
  }

  private static List<Value> path(ObjectValue op, String name) {
    List<Value> p = JsonPaths.parse(attribute(op, name));
    if (p == null) {
      throw new PatchFailed("invalid path");
    }
    return p;
  }

  private static Value render(Value doc, List<Value> path) {
    Value cur = doc;
    for (Value seg : path) {
      cur = child(cur, seg);
    }
    return cur;
  }

  private static Value child(Value v, Value seg) {
    Value c;
    if (v instanceof ArrayValue arr) {
      int i = index(seg, arr.size(), false);
      c = arr.get(i);
    } else {
      c = Navigation.child(v, seg);
    }
    if (c == null) {
      throw new PatchFailed("path not found");
    }
    return c;
  }

  private static Value insert(Value doc, List<Value> path, int at, Value value) {
    if (at == path.size()) {
      return value;
    }
    Value seg = path.get(at);
    boolean last = at == path.size() - 1;
    if (doc instanceof ObjectValue o) {
      Value next = last ? value : insert(child(o, seg), path, at + 1, value);
      return o.with(seg, next);
    }
    if (doc instanceof ArrayValue arr) {
      List<Value> items = new ArrayList<>(arr.asList());
      if (last) {
        int i = seg instanceof StringValue s && s.value().equals("-") ? items.size() : index(seg, items.size(), true);
        items.add(i, value);
      } else {
        int i = index(seg, items.size(), false);
        items.set(i, insert(items.get(i), path, at + 1, value));
      }
      return ArrayValue.of(items);
    }
    if (doc instanceof SetValue s) {
      List<Value> items = new ArrayList<>(s.elements());
      if (last) {
        items.add(value);
      } else {
        Value old = child(s, seg);
        items.remove(old);
        items.add(insert(old, path, at + 1, value));
      }
      return SetValue.of(items);
    }
    throw new PatchFailed("cannot insert into a scalar");
  }

  private static Value delete(Value doc, List<Value> path, int at) {
    if (path.isEmpty()) {
      throw new PatchFailed("cannot delete the root document");
    }
    Value seg = path.get(at);
    boolean last = at == path.size() - 1;
    if (doc instanceof ObjectValue o) {
      Value old = child(o, seg);
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries()) {
        if (!e.getKey().equals(seg)) {
          b.put(e.getKey(), e.getValue());
        } else if (!last) {
          b.put(e.getKey(), delete(old, path, at + 1));
        }
      }
      return b.build();
    }
    if (doc instanceof ArrayValue arr) {
      List<Value> items = new ArrayList<>(arr.asList());
      int i = index(seg, items.size(), false);
      if (last) {
        items.remove(i);
      } else {
        items.set(i, delete(items.get(i), path, at + 1));
      }
      return ArrayValue.of(items);
    }
    if (doc instanceof SetValue s) {
      Value old = child(s, seg);
      List<Value> items = new ArrayList<>(s.elements());
      items.remove(old);
      if (!last) {
        items.add(delete(old, path, at + 1));
      }
      return SetValue.of(items);
    }
    throw new PatchFailed("path not found");
  }

  /** An array index from a number or a decimal string; insertion may address one past the end. */
  private static int index(Value seg, int size, boolean insertion) {
    Integer i = null;
    if (seg instanceof NumberValue n) {
      i = n.intValueExact();
    } else if (seg instanceof StringValue s && s.value().matches("0|[1-9][0-9]{0,8}")) {
      i = Integer.parseInt(s.value());
    }
    if (i == null || i < 0 || i > size || (!insertion && i == size)) {
      throw new PatchFailed("invalid array index");
    }
    return i;
  }
}

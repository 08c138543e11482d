package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code object.get}, {@code object.keys}, {@code object.remove}, {@code object.filter},
 * {@code object.union}, {@code object.union_n}, {@code object.subset} (OPA's object.go, subset.go).
 */
final class ObjectBuiltins {
  private ObjectBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type keys = Type.anyOf(Type.ARRAY, Type.SET, Type.OBJECT);
    Type collection = Type.anyOf(Type.OBJECT, Type.SET, Type.ARRAY);
    t.function("object.get", Signature.of(Type.ANY, Type.OBJECT, Type.ANY, Type.ANY), ObjectBuiltins::get);
    t.function("object.keys", Signature.of(Type.SET, Type.OBJECT), (c, a) -> SetValue.of(a.object(0).keys()));
    t.function("object.remove", Signature.of(Type.ANY, Type.OBJECT, keys), (c, a) -> {
      ObjectValue obj = a.object(0);
      Set<Value> drop = keyParam(a);
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : obj.entries()) {
        if (!drop.contains(e.getKey())) {
          b.put(e.getKey(), e.getValue());
        }
      }
      return b.build();
    });
    t.function("object.filter", Signature.of(Type.ANY, Type.OBJECT, keys), (c, a) -> {
      ObjectValue obj = a.object(0);
      Set<Value> keep = keyParam(a);
      ObjectValue.Builder b = ObjectValue.builder();
      for (Value k : keep) {
        Value v = obj.get(k);
        if (v != null) {
          b.put(k, v);
        }
      }
      return b.build();
    });
    t.function("object.union", Signature.of(Type.ANY, Type.OBJECT, Type.OBJECT),
        (c, a) -> merge(a.object(0), a.object(1)));
    t.function("object.union_n", Signature.of(Type.ANY, Type.arrayOf(Type.OBJECT)), (c, a) -> {
      ArrayValue arr = a.array(0);
      ObjectValue result = ObjectValue.EMPTY;
      for (Value v : arr.asList()) {
        if (!(v instanceof ObjectValue o)) {
          throw new BuiltinException(BuiltinException.TYPE_ERROR,
              "object.union_n: operand 1 must be array of objects but got array containing " + v.typeName());
        }
        result = merge(result, o);
      }
      return result;
    });
    t.function("object.subset", Signature.of(Type.ANY, collection, collection), ObjectBuiltins::subset);
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

  /** The keys operand of object.remove and object.filter: an array, set or object's keys. */
  private static Set<Value> keyParam(Arguments a) {
    Value v = a.get(1);
    if (v instanceof ArrayValue arr) {
      return new HashSet<>(arr.asList());
    } else if (v instanceof SetValue s) {
      return new HashSet<>(s.elements());
    } else if (v instanceof ObjectValue o) {
      return new HashSet<>(o.keys());
    }
    throw a.typeError(1, "one of {object, set, array}");
  }

  /** Asymmetric recursive union: on conflict the right-hand value wins unless both are objects. */
  static ObjectValue merge(ObjectValue left, ObjectValue right) {
    if (left.equals(right)) {
      return left;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    for (Map.Entry<Value, Value> e : left.entries()) {
      b.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<Value, Value> e : right.entries()) {
      Value old = b.get(e.getKey());
      if (old instanceof ObjectValue x && e.getValue() instanceof ObjectValue y) {
        b.put(e.getKey(), merge(x, y));
      } else {
        b.put(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  private static Value subset(BuiltinContext c, Arguments a) {
    Value sup = a.get(0);
    Value sub = a.get(1);
    if (!isCollection(sup)) {
      throw a.typeError(0, "one of {object, set, array}");
    }
    if (!isCollection(sub)) {
      throw a.typeError(1, "one of {object, set, array}");
    }
    boolean sameKind = sup.typeRank() == sub.typeRank();
    if (!sameKind && !(sup instanceof ArrayValue && sub instanceof SetValue)) {
      throw new BuiltinException(BuiltinException.TYPE_ERROR,
          "object.subset: both arguments to object.subset must be of the same type or array and set");
    }
    return BooleanValue.of(isSubset(sup, sub));
  }

  private static boolean isCollection(Value v) {
    return v instanceof ObjectValue || v instanceof SetValue || v instanceof ArrayValue;
  }

  private static boolean isSubset(Value sup, Value sub) {
    if (sup instanceof ObjectValue x && sub instanceof ObjectValue y) {
      for (Map.Entry<Value, Value> e : y.entries()) {
        Value sv = x.get(e.getKey());
        if (sv == null || !isSubset(sv, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (sup instanceof SetValue x && sub instanceof SetValue y) {
      return y.elements().stream().allMatch(x::contains);
    }
    if (sup instanceof ArrayValue x && sub instanceof ArrayValue y) {
      return containsRun(x.asList(), y.asList());
    }
    if (sup instanceof ArrayValue x && sub instanceof SetValue y) {
      Set<Value> have = new HashSet<>(x.asList());
      return have.containsAll(y.elements());
    }
    return sup.equals(sub);
  }

  /** Whether sub appears contiguously, in order, in sup. */
  private static boolean containsRun(List<Value> sup, List<Value> sub) {
    if (sub.isEmpty()) {
      return true;
    }
    outer:
    for (int i = 0; i + sub.size() <= sup.size(); i++) {
      for (int j = 0; j < sub.size(); j++) {
        if (!sup.get(i + j).equals(sub.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

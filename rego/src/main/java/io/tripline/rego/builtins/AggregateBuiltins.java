package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueOrder;
import java.util.List;

/** {@code count}, {@code sum}, {@code product}, {@code max}, {@code min}, {@code sort}. */
final class AggregateBuiltins {
  private AggregateBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type collection = Type.anyOf(Type.ARRAY, Type.SET);
    t.function(
        "count",
        Signature.of(Type.NUMBER, Type.anyOf(Type.ARRAY, Type.OBJECT, Type.SET, Type.STRING)),
        AggregateBuiltins::count);
    t.function("sum", Signature.of(Type.NUMBER, collection), (c, a) -> {
      NumberValue total = NumberValue.ZERO;
      for (Value v : elements(a)) {
        if (!(v instanceof NumberValue n)) {
          throw a.typeError(0, "one of {array[number], set[number]}");
        }
        total = total.add(n);
      }
      return total;
    });
    t.function("max", Signature.of(Type.ANY, collection), (c, a) -> extreme(a, 1));
    t.function("min", Signature.of(Type.ANY, collection), (c, a) -> extreme(a, -1));
    t.function("product", Signature.of(Type.NUMBER, Type.anyOf(Type.setOf(Type.NUMBER), Type.arrayOf(Type.NUMBER))),
        AggregateBuiltins::product);
    t.function("sort", Signature.of(Type.ARRAY, collection), (c, a) -> {
      Value v = a.get(0);
      if (v instanceof SetValue s) {
        return ArrayValue.of(s.elements());
      }
      if (v instanceof ArrayValue x) {
        List<Value> sorted = new java.util.ArrayList<>(x.asList());
        sorted.sort(ValueOrder.INSTANCE);
        return ArrayValue.of(sorted);
      }
      throw a.typeError(0, "one of {set, array}");
    });
  }

  /** The product of numbers; OPA names the element type as "array of numbers". */
  private static Value product(BuiltinContext c, Arguments a) {
    Value v = a.get(0);
    if (!(v instanceof ArrayValue) && !(v instanceof SetValue)) {
      throw a.typeError(0, "one of {set, array}");
    }
    NumberValue total = NumberValue.ONE;
    for (Value e : elements(a)) {
      if (!(e instanceof NumberValue n)) {
        throw new BuiltinException(BuiltinException.TYPE_ERROR, "product: operand 1 must be " + v.typeName()
            + " of numbers but got " + v.typeName() + " containing " + e.typeName());
      }
      total = total.multiply(n);
    }
    return total;
  }

  private static Value count(BuiltinContext c, Arguments a) {
    Value v = a.get(0);
    if (v instanceof ArrayValue x) {
      return NumberValue.of(x.size());
    } else if (v instanceof SetValue x) {
      return NumberValue.of(x.size());
    } else if (v instanceof ObjectValue x) {
      return NumberValue.of(x.size());
    } else if (v instanceof StringValue x) {
      return NumberValue.of(x.value().codePointCount(0, x.value().length()));
    }
    throw a.typeError(0, "one of {array, object, set, string}");
  }

  private static List<Value> elements(Arguments a) {
    Value v = a.get(0);
    if (v instanceof ArrayValue x) {
      return x.asList();
    } else if (v instanceof SetValue x) {
      return x.elements();
    }
    throw a.typeError(0, "one of {array, set}");
  }

  private static Value extreme(Arguments a, int sign) {
    Value best = null;
    for (Value v : elements(a)) {
      if (best == null || ValueOrder.order(v, best) * sign > 0) {
        best = v;
      }
    }
    return best;
  }
}

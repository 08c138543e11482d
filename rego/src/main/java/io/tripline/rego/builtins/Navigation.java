package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;

/** One step of reference navigation into a value, as {@code x[k]} does in Rego. */
public final class Navigation {
  private Navigation() {}

  /** x[key], or null when undefined. */
  public static Value child(Value x, Value key) {
    if (x instanceof ObjectValue o) {
      return o.get(key);
    }
    if (x instanceof ArrayValue a) {
      if (key instanceof NumberValue n) {
        Integer i = n.intValueExact();
        return i != null && i >= 0 && i < a.size() ? a.get(i) : null;
      }
      return null;
    }
    if (x instanceof SetValue s) {
      return s.contains(key) ? key : null;
    }
    return null;
  }

  /** Whether x is a collection holding v as an element (arrays, sets) or as a value (objects). */
  public static BooleanValue memberOf(Value v, Value x) {
    if (x instanceof SetValue s) {
      return BooleanValue.of(s.contains(v));
    }
    if (x instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).equals(v)) {
          return BooleanValue.TRUE;
        }
      }
    } else if (x instanceof ObjectValue o) {
      for (Value k : o.keys()) {
        if (o.get(k).equals(v)) {
          return BooleanValue.TRUE;
        }
      }
    }
    return BooleanValue.FALSE;
  }
}

package io.tripline.rego.value;

import java.util.Map;

/** Values printed as Rego terms, as OPA's {@code print} and {@code sprintf("%v")} show them. */
public final class ValueText {
  private ValueText() {}

  public static String of(Value v) {
    StringBuilder sb = new StringBuilder();
    append(v, sb);
    return sb.toString();
  }

  private static void append(Value v, StringBuilder sb) {
    if (v instanceof ArrayValue a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(a.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof SetValue s) {
      if (s.isEmpty()) {
        sb.append("set()");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Value e : s.elements()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        append(e, sb);
      }
      sb.append('}');
    } else if (v instanceof ObjectValue o) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<Value, Value> e : o.entries()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        append(e.getKey(), sb);
        sb.append(": ");
        append(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      sb.append(v.toString());
    }
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text as Go's {@code encoding/json} writes OPA values: object keys sorted by their bytes,
 * sets as arrays, HTML characters escaped ({@code <} as {@code \u003c}), and
 * {@code json.MarshalIndent}'s layout for pretty output.
 */
final class GoJson {
  private GoJson() {}

  /** Compact JSON, as {@code json.Marshal}. */
  static String marshal(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, null, null, 0);
    return sb.toString();
  }

  /** Indented JSON, as {@code json.MarshalIndent(v, prefix, indent)} (first line not prefixed). */
  static String marshalIndent(Value v, String prefix, String indent) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, prefix, indent, 0);
    return sb.toString();
  }

  private static void write(Value v, StringBuilder sb, String prefix, String indent, int depth) {
    if (v instanceof StringValue s) {
      quote(s.value(), sb);
    } else if (v instanceof ArrayValue a) {
      writeList(a.asList(), sb, prefix, indent, depth);
    } else if (v instanceof SetValue s) {
      writeList(s.elements(), sb, prefix, indent, depth);
    } else if (v instanceof ObjectValue o) {
      Map<String, Value> sorted = new TreeMap<>(GoJson::compareUtf8);
      for (Map.Entry<Value, Value> e : o.entries()) {
        String key = e.getKey() instanceof StringValue k ? k.value() : ValueJson.write(e.getKey());
        sorted.put(key, e.getValue());
      }
      if (sorted.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : sorted.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, prefix, indent, depth + 1);
        quote(e.getKey(), sb);
        sb.append(indent == null ? ":" : ": ");
        write(e.getValue(), sb, prefix, indent, depth + 1);
      }
      newline(sb, prefix, indent, depth);
      sb.append('}');
    } else {
      sb.append(v.toString());
    }
  }

  private static void writeList(List<Value> items, StringBuilder sb, String prefix, String indent, int depth) {
    if (items.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      newline(sb, prefix, indent, depth + 1);
      write(items.get(i), sb, prefix, indent, depth + 1);
    }
    newline(sb, prefix, indent, depth);
    sb.append(']');
  }

  private static void newline(StringBuilder sb, String prefix, String indent, int depth) {
    if (indent == null) {
      return;
    }
    sb.append('\n').append(prefix);
    for (int i = 0; i < depth; i++) {
      sb.append(indent);
    }
  }

  /** A JSON string literal with Go's escapes. */
  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Orders strings by their UTF-8 bytes, as Go sorts map keys. */
  static int compareUtf8(String a, String b) {
    return StringValue.of(a).compareString(StringValue.of(b));
  }
}

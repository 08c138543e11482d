package io.tripline.rego.builtins;

import io.tripline.rego.builtins.GoTemplate.Arg;
import io.tripline.rego.builtins.GoTemplateExecution.JsonNumber;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The builtin functions of Go's {@code text/template}: {@code and}, {@code or}, {@code not},
 * {@code len}, {@code index}, {@code print}, {@code printf}, {@code println}, {@code eq},
 * {@code ne}, {@code lt}, {@code le}, {@code gt}, {@code ge}, {@code html}, {@code js},
 * {@code urlquery}.
 */
final class GoTemplateFunctions {
  private GoTemplateFunctions() {}

  static Object call(GoTemplateExecution ex, GoTemplate.Identifier id, List<Arg> args, Object dot, Object[] piped) {
    String name = id.name();
    if (name.equals("and") || name.equals("or")) {
      Object v = null;
      int n = args.size() + (piped == null ? 0 : 1);
      if (n == 0) {
        throw ex.plainError(id.pos(), name, "wrong number of args for " + name + ": want at least 1 got 0");
      }
      for (int i = 0; i < n; i++) {
        v = i < args.size() ? ex.arg(args.get(i), dot) : piped[0];
        if (GoTemplateExecution.truth(v) != name.equals("and")) {
          return v;
        }
      }
      return v;
    }
    List<Object> values = new ArrayList<>();
    for (Arg a : args) {
      values.add(ex.arg(a, dot));
    }
    if (piped != null) {
      values.add(piped[0]);
    }
    switch (name) {
      case "not":
        arity(ex, id, values, 1);
        return !GoTemplateExecution.truth(values.get(0));
      case "len":
        arity(ex, id, values, 1);
        return length(ex, id, values.get(0));
      case "index":
        return index(ex, id, values);
      case "print":
        return sprint(values);
      case "println":
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
          sb.append(i > 0 ? " " : "").append(GoTemplateExecution.print(values.get(i), false));
        }
        return sb.append('\n').toString();
      case "printf":
        if (values.isEmpty() || !(values.get(0) instanceof String format)) {
          throw ex.plainError(id.pos(), name, "wrong type for value; expected string");
        }
        List<Value> rest = new ArrayList<>();
        for (Object o : values.subList(1, values.size())) {
          rest.add(toValue(o));
        }
        return GoFormat.sprintf(format, rest);
      case "eq":
        if (values.size() < 2) {
          throw ex.callError(id.pos(), name, "missing argument for comparison");
        }
        for (Object other : values.subList(1, values.size())) {
          if (compare(ex, id, values.get(0), other, true) == 0) {
            return true;
          }
        }
        return false;
      case "ne", "lt", "le", "gt", "ge":
        arity(ex, id, values, 2);
        int c = compare(ex, id, values.get(0), values.get(1), name.equals("ne"));
        return switch (name) {
          case "ne" -> c != 0;
          case "lt" -> c < 0;
          case "le" -> c <= 0;
          case "gt" -> c > 0;
          default -> c >= 0;
        };
      case "html":
        return html(sprint(values));
      case "js":
        return js(sprint(values));
      case "urlquery":
        return GoUrlQuery.escape(sprint(values));
      default:
        throw new IllegalArgumentException("template: template:1: function " + GoQuote.quote(name) + " not defined");
    }
  }

  private static void arity(GoTemplateExecution ex, GoTemplate.Identifier id, List<Object> values, int n) {
    if (values.size() != n) {
      throw ex.plainError(id.pos(), id.name(), "wrong number of args for " + id.name() + ": want " + n + " got "
          + values.size());
    }
  }

  private static Object length(GoTemplateExecution ex, GoTemplate.Identifier id, Object v) {
    if (v instanceof String s) {
      return BigDecimal.valueOf(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    } else if (v instanceof JsonNumber n) {
      return BigDecimal.valueOf(n.text().length());
    } else if (v instanceof List<?> l) {
      return BigDecimal.valueOf(l.size());
    } else if (v instanceof Map<?, ?> m) {
      return BigDecimal.valueOf(m.size());
    }
    throw ex.callError(id.pos(), "len", "len of type " + GoTemplateExecution.goType(v));
  }

  private static Object index(GoTemplateExecution ex, GoTemplate.Identifier id, List<Object> values) {
    if (values.isEmpty()) {
      throw ex.plainError(id.pos(), "index", "wrong number of args for index: want at least 1 got 0");
    }
    Object v = values.get(0);
    for (Object key : values.subList(1, values.size())) {
      if (v instanceof Map<?, ?> m) {
        if (!(key instanceof String || key instanceof JsonNumber)) {
          throw ex.callError(id.pos(), "index", "value has type " + GoTemplateExecution.goType(key)
              + "; should be string");
        }
        v = m.get(key instanceof JsonNumber n ? n.text() : key);
      } else if (v instanceof List<?> l) {
        if (!(key instanceof BigDecimal d) || d.scale() > 0) {
          throw ex.callError(id.pos(), "index", "cannot index slice/array with type " + GoTemplateExecution.goType(key));
        }
        int i = d.intValue();
        if (i < 0 || i >= l.size()) {
          throw ex.callError(id.pos(), "index", "index out of range: " + i);
        }
        v = l.get(i);
      } else if (v == null) {
        throw ex.callError(id.pos(), "index", "index of untyped nil");
      } else {
        throw ex.callError(id.pos(), "index", "can't index item of type " + GoTemplateExecution.goType(v));
      }
    }
    return v;
  }

  /** fmt.Sprint: a space between operands when neither is a string. */
  private static String sprint(List<Object> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      boolean isString = values.get(i) instanceof String || values.get(i) instanceof JsonNumber;
      boolean prevString = i > 0 && (values.get(i - 1) instanceof String || values.get(i - 1) instanceof JsonNumber);
      if (i > 0 && !isString && !prevString) {
        sb.append(' ');
      }
      sb.append(GoTemplateExecution.print(values.get(i), false));
    }
    return sb.toString();
  }

  private static Value toValue(Object o) {
    if (o == null) {
      return NullValue.NULL;
    } else if (o instanceof String s) {
      return StringValue.of(s);
    } else if (o instanceof JsonNumber n) {
      return StringValue.of(n.text());
    } else if (o instanceof Boolean b) {
      return BooleanValue.of(b);
    } else if (o instanceof BigDecimal d) {
      return NumberValue.of(d);
    }
    return StringValue.of(GoTemplateExecution.print(o, false));
  }

  /** Go's basic-kind comparison; incompatible kinds fail as text/template does. */
  private static int compare(GoTemplateExecution ex, GoTemplate.Identifier id, Object a, Object b, boolean equality) {
    String ka = kind(a);
    String kb = kind(b);
    if (a == null || b == null) {
      if (equality) {
        return a == b ? 0 : 1;
      }
      throw ex.callError(id.pos(), id.name(), "invalid type for comparison");
    }
    if (!ka.equals(kb)) {
      throw ex.callError(id.pos(), id.name(), "incompatible types for comparison");
    }
    switch (ka) {
      case "string":
        return GoJson.compareUtf8(text(a), text(b));
      case "number":
        return ((BigDecimal) a).compareTo((BigDecimal) b);
      case "bool":
        if (!equality) {
          throw ex.callError(id.pos(), id.name(), "invalid type for comparison");
        }
        return a.equals(b) ? 0 : 1;
      default:
        throw ex.callError(id.pos(), id.name(), equality ? "non-comparable type " + GoTemplateExecution.print(a, false)
            + ": " + GoTemplateExecution.goType(a) : "invalid type for comparison");
    }
  }

  private static String kind(Object v) {
    if (v instanceof String || v instanceof JsonNumber) {
      return "string";
    } else if (v instanceof BigDecimal) {
      return "number";
    } else if (v instanceof Boolean) {
      return "bool";
    }
    return v == null ? "nil" : "composite";
  }

  private static String text(Object v) {
    return v instanceof JsonNumber n ? n.text() : (String) v;
  }

  private static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '\'' -> sb.append("&#39;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&#34;");
        case 0 -> sb.append('\uFFFD');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String js(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<', '>', '&', '=' -> sb.append(String.format("\\u%04X", (int) c));
        default -> {
          if (c < ' ') {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}

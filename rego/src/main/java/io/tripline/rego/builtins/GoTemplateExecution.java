package io.tripline.rego.builtins;

import io.tripline.rego.builtins.GoTemplate.Arg;
import io.tripline.rego.builtins.GoTemplate.Command;
import io.tripline.rego.builtins.GoTemplate.Node;
import io.tripline.rego.builtins.GoTemplate.Pipeline;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link GoTemplate} over OPA's template variables the way Go's {@code text/template}
 * does with {@code missingkey=error}: data as Go sees it after a JSON round trip (numbers are
 * {@code json.Number} strings), Go's truth rules, printing and builtin functions.
 */
final class GoTemplateExecution {
  /** A JSON number as Go's json.Number: a string that prints its text. */
  record JsonNumber(String text) {}

  private static final class Flow extends RuntimeException {
    final boolean isBreak;

    Flow(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private final GoTemplate template;
  private final StringBuilder out = new StringBuilder();
  private final Deque<Map.Entry<String, Object>> vars = new ArrayDeque<>();

  private GoTemplateExecution(GoTemplate template) {
    this.template = template;
  }

  /** The rendered text; IllegalArgumentException with a {@code template: ...} message. */
  static String render(GoTemplate template, ObjectValue variables) {
    GoTemplateExecution ex = new GoTemplateExecution(template);
    Object data = toGo(variables);
    ex.vars.push(Map.entry("$", data == null ? new TreeMap<String, Object>() : data));
    ex.walk(template.root, data);
    return ex.out.toString();
  }

  static Object toGo(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    } else if (v instanceof NumberValue n) {
      return new JsonNumber(n.toString());
    } else if (v instanceof BooleanValue b) {
      return b.booleanValue();
    } else if (v instanceof ArrayValue a) {
      List<Object> l = new ArrayList<>();
      a.asList().forEach(x -> l.add(toGo(x)));
      return l;
    } else if (v instanceof SetValue s) {
      List<Object> l = new ArrayList<>();
      s.elements().forEach(x -> l.add(toGo(x)));
      return l;
    } else if (v instanceof ObjectValue o) {
      Map<String, Object> m = new TreeMap<>(GoJson::compareUtf8);
      for (Map.Entry<Value, Value> e : o.entries()) {
        String k = e.getKey() instanceof StringValue s ? s.value() : e.getKey().toString();
        m.put(k, toGo(e.getValue()));
      }
      return m;
    }
    return null;
  }

  private IllegalArgumentException error(int pos, String what, String message) {
    return new IllegalArgumentException("template: " + template.context(pos) + ": executing \"template\" at <"
        + what + ">: " + message);
  }

  private void walk(List<Node> nodes, Object dot) {
    int listMark = vars.size();
    for (Node n : nodes) {
      if (n instanceof GoTemplate.Text t) {
        out.append(t.text());
      } else if (n instanceof GoTemplate.Action a) {
        Object v = pipeline(a.pipeline(), dot);
        if (a.pipeline().variables().isEmpty()) {
          out.append(print(v, true));
        }
      } else if (n instanceof GoTemplate.If i) {
        int mark = vars.size();
        Object v = pipeline(i.pipeline(), dot);
        walk(truth(v) ? i.then() : i.otherwise(), dot);
        restore(mark);
      } else if (n instanceof GoTemplate.With w) {
        int mark = vars.size();
        Object v = pipeline(w.pipeline(), dot);
        if (truth(v)) {
          walk(w.then(), v);
        } else {
          walk(w.otherwise(), dot);
        }
        restore(mark);
      } else if (n instanceof GoTemplate.Range r) {
        range(r, dot);
      } else {
        restore(listMark);
        throw new Flow(n instanceof GoTemplate.Break);
      }
    }
    restore(listMark);
  }

  private void range(GoTemplate.Range r, Object dot) {
    Pipeline p = r.pipeline();
    Pipeline valueOnly = new Pipeline(p.pos(), List.of(), false, p.commands());
    Object v = pipeline(valueOnly, dot);
    List<Object[]> items = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        items.add(new Object[] {BigDecimal.valueOf(i), l.get(i)});
      }
    } else if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> items.add(new Object[] {k, x}));
    } else if (v != null) {
      throw error(p.pos(), "range", "range can't iterate over " + print(v, false));
    }
    if (items.isEmpty()) {
      walk(r.otherwise(), dot);
      return;
    }
    for (Object[] item : items) {
      int mark = vars.size();
      if (p.variables().size() == 1) {
        vars.push(Map.entry(p.variables().get(0), nullable(item[1])));
      } else if (p.variables().size() == 2) {
        vars.push(Map.entry(p.variables().get(0), item[0]));
        vars.push(Map.entry(p.variables().get(1), nullable(item[1])));
      }
      try {
        walk(r.body(), item[1]);
      } catch (Flow f) {
        if (f.isBreak) {
          restore(mark);
          break;
        }
      }
      restore(mark);
    }
  }

  private void restore(int mark) {
    while (vars.size() > mark) {
      vars.pop();
    }
  }

  private static Object nullable(Object o) {
    return o == null ? NIL : o;
  }

  private static final Object NIL = new Object();

  private Object pipeline(Pipeline p, Object dot) {
    Object v = null;
    boolean first = true;
    for (Command c : p.commands()) {
      v = command(c, dot, first ? null : new Object[] {v});
      first = false;
    }
    if (!p.variables().isEmpty()) {
      String name = p.variables().get(0);
      if (p.declare()) {
        vars.push(Map.entry(name, nullable(v)));
      } else {
        assign(p.pos(), name, v);
      }
    }
    return v;
  }

  private void assign(int pos, String name, Object v) {
    List<Map.Entry<String, Object>> all = new ArrayList<>(vars);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).getKey().equals(name)) {
        all.set(i, Map.entry(name, nullable(v)));
        vars.clear();
        for (int j = all.size() - 1; j >= 0; j--) {
          vars.push(all.get(j));
        }
        return;
      }
    }
    throw error(pos, name, "undefined variable: " + name);
  }

  private Object command(Command c, Object dot, Object[] piped) {
    Arg first = c.args().get(0);
    if (first instanceof GoTemplate.Identifier id) {
      List<Arg> rest = c.args().subList(1, c.args().size());
      return GoTemplateFunctions.call(this, id, rest, dot, piped);
    }
    if (c.args().size() > 1 || piped != null) {
      throw error(c.pos(), describe(first), "can't give argument to non-function " + describe(first));
    }
    return arg(first, dot);
  }

  Object arg(Arg a, Object dot) {
    if (a instanceof GoTemplate.Dot) {
      return dot;
    } else if (a instanceof GoTemplate.Literal l) {
      return l.value();
    } else if (a instanceof GoTemplate.Field f) {
      return fields(f.pos(), dot, f.names(), "");
    } else if (a instanceof GoTemplate.Variable v) {
      return fields(v.pos(), variable(v.pos(), v.name()), v.names(), v.name());
    } else if (a instanceof GoTemplate.Nested n) {
      return fields(n.pos(), pipeline(n.pipeline(), dot), n.names(), "(...)");
    }
    return GoTemplateFunctions.call(this, (GoTemplate.Identifier) a, List.of(), dot, null);
  }

  private Object variable(int pos, String name) {
    for (Map.Entry<String, Object> e : vars) {
      if (e.getKey().equals(name)) {
        return e.getValue() == NIL ? null : e.getValue();
      }
    }
    throw error(pos, name, "undefined variable: " + name);
  }

  private Object fields(int pos, Object receiver, List<String> names, String prefix) {
    Object v = receiver;
    StringBuilder path = new StringBuilder(prefix);
    for (String name : names) {
      path.append('.').append(name);
      if (v instanceof Map<?, ?> m) {
        if (!m.containsKey(name)) {
          throw error(pos, path.toString(), "map has no entry for key " + GoQuote.quote(name));
        }
        v = m.get(name);
      } else if (v == null) {
        throw error(pos, path.toString(), "nil pointer evaluating interface {}." + name);
      } else {
        throw error(pos, path.toString(), "can't evaluate field " + name + " in type " + goType(v));
      }
    }
    return v;
  }

  String describe(Arg a) {
    if (a instanceof GoTemplate.Dot) {
      return ".";
    } else if (a instanceof GoTemplate.Field f) {
      return "." + String.join(".", f.names());
    } else if (a instanceof GoTemplate.Variable v) {
      return v.name() + (v.names().isEmpty() ? "" : "." + String.join(".", v.names()));
    } else if (a instanceof GoTemplate.Identifier id) {
      return id.name();
    } else if (a instanceof GoTemplate.Literal l) {
      return print(l.value(), false);
    }
    return "(...)";
  }

  IllegalArgumentException callError(int pos, String name, String message) {
    return error(pos, name, "error calling " + name + ": " + message);
  }

  IllegalArgumentException plainError(int pos, String name, String message) {
    return error(pos, name, message);
  }

  /** Go's truth: false, 0, nil, and empty strings, lists and maps are false. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof JsonNumber n) {
      return !n.text().isEmpty();
    } else if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    } else if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** fmt's %v of a value; top-level nil prints as {@code <no value>}, nested nil as {@code <nil>}. */
  static String print(Object v, boolean top) {
    if (v == null) {
      return top ? "<no value>" : "<nil>";
    } else if (v instanceof JsonNumber n) {
      return n.text();
    } else if (v instanceof BigDecimal d) {
      return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0 && !d.toPlainString().contains(".")
          ? d.toBigInteger().toString()
          : GoFormat.formatFloat('v', d.doubleValue(), -1, false, false);
    } else if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        sb.append(i > 0 ? " " : "").append(print(l.get(i), false));
      }
      return sb.append(']').toString();
    } else if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : " ").append(e.getKey()).append(':').append(print(e.getValue(), false));
        first = false;
      }
      return sb.append(']').toString();
    }
    return v.toString();
  }

  static String goType(Object v) {
    if (v instanceof String) {
      return "string";
    } else if (v instanceof JsonNumber) {
      return "json.Number";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof BigDecimal d) {
      return d.scale() <= 0 ? "int" : "float64";
    } else if (v instanceof List) {
      return "[]interface {}";
    } else if (v instanceof Map) {
      return "map[string]interface {}";
    }
    return "interface {}";
  }
}

package io.tripline.simulator.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON shape with {@code ${...}} placeholders, compiled once and evaluated per record. A string
 * that is exactly one placeholder takes the placeholder's JSON value (object, number, ...); when
 * that value is missing the field is left out, which is how optional request parameters work.
 * Placeholders inside longer strings are spliced in as text.
 */
public sealed interface Template {

  JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The value, or {@code null} when the template resolves to nothing (the field is omitted). */
  JsonNode evaluate(TemplateScope scope);

  static Template compile(JsonNode node) {
    if (node == null) {
      return new Literal(NODES.nullNode());
    }
    if (node.isObject()) {
      List<Field> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.add(new Field(e.getKey(), compile(e.getValue())));
      }
      return new Obj(List.copyOf(fields));
    }
    if (node.isArray()) {
      List<Template> items = new ArrayList<>();
      node.forEach(n -> items.add(compile(n)));
      return new Arr(List.copyOf(items));
    }
    if (node.isTextual() && node.textValue().contains("${")) {
      return Text.parse(node.textValue());
    }
    return new Literal(node);
  }

  record Literal(JsonNode value) implements Template {
    @Override
    public JsonNode evaluate(TemplateScope scope) {
      return value;
    }
  }

  record Field(String name, Template value) {}

  record Obj(List<Field> fields) implements Template {
    @Override
    public JsonNode evaluate(TemplateScope scope) {
      ObjectNode o = NODES.objectNode();
      for (Field f : fields) {
        JsonNode v = f.value.evaluate(scope);
        if (v != null) {
          o.set(f.name, v);
        }
      }
      return o;
    }
  }

  record Arr(List<Template> items) implements Template {
    @Override
    public JsonNode evaluate(TemplateScope scope) {
      ArrayNode a = NODES.arrayNode(items.size());
      for (Template t : items) {
        JsonNode v = t.evaluate(scope);
        if (v != null) {
          a.add(v);
        }
      }
      return a;
    }
  }

  /** A string with placeholders; {@code parts} alternate literal text and expressions. */
  record Text(List<Object> parts) implements Template {

    public static Text parse(String s) {
      List<Object> parts = new ArrayList<>();
      int i = 0;
      while (i < s.length()) {
        int open = s.indexOf("${", i);
        if (open < 0) {
          parts.add(s.substring(i));
          break;
        }
        if (open > i) {
          parts.add(s.substring(i, open));
        }
        int close = s.indexOf('}', open);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed ${ in \"" + s + "\"");
        }
        parts.add(Expression.parse(s.substring(open + 2, close)));
        i = close + 1;
      }
      return new Text(List.copyOf(parts));
    }

    @Override
    public JsonNode evaluate(TemplateScope scope) {
      if (parts.size() == 1 && parts.get(0) instanceof Expression e) {
        return e.evaluate(scope);
      }
      StringBuilder sb = new StringBuilder(64);
      for (Object p : parts) {
        if (p instanceof Expression e) {
          JsonNode v = e.evaluate(scope);
          if (v != null && !v.isNull()) {
            sb.append(v.isTextual() ? v.textValue() : v.toString());
          }
        } else {
          sb.append((String) p);
        }
      }
      return NODES.textNode(sb.toString());
    }
  }
}

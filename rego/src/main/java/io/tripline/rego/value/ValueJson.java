package io.tripline.rego.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;

/**
 * JSON and YAML for values: reading (lazily, for {@link JsonNode} inputs), writing in the shape
 * {@code opa eval --format json} prints (sets as sorted arrays, object keys sorted).
 */
public final class ValueJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private ValueJson() {}

  /** Parses JSON text into a value; throws {@link IllegalArgumentException} with the parser's message. */
  public static Value parseJson(String text) {
    try {
      return fromNode(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** Parses YAML text into a value. */
  public static Value parseYaml(String text) {
    try {
      JsonNode node = YAML.readTree(text);
      return node == null ? NullValue.NULL : fromNode(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * A value view of a Jackson node. Objects and arrays convert their members on first access,
   * so a large input costs only what a policy reads.
   */
  public static Value fromNode(JsonNode node) {
    // Concrete node classes first (one type check each), so the common members of a record
    // cost no chain of virtual is*() calls.
    if (node instanceof com.fasterxml.jackson.databind.node.TextNode t) {
      return StringValue.of(t.textValue());
    }
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      return o.size() == 0 ? ObjectValue.EMPTY : new JsonObjectView(o);
    }
    if (node == null) {
      return NullValue.NULL;
    }
    switch (node.getNodeType()) {
      case NULL:
      case MISSING:
        return NullValue.NULL;
      case BOOLEAN:
        return BooleanValue.of(node.booleanValue());
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? NumberValue.of(node.longValue()) : NumberValue.of(node.bigIntegerValue());
        }
        return NumberValue.of(node.decimalValue());
      case OBJECT:
        return node.size() == 0 ? ObjectValue.EMPTY : new JsonObjectView(node);
      case ARRAY:
        return node.size() == 0 ? ArrayValue.EMPTY : new JsonArrayView(node);
      default:
        return StringValue.of(node.asText());
    }
  }

  /**
   * A JSON object viewed as by {@link #fromNode}, with one more member laid over it (replacing a
   * member of that name): adds a field to a large input without copying it. The node is not changed.
   */
  public static ObjectValue fromNode(JsonNode object, String key, Value value) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + object.getNodeType());
    }
    return new JsonObjectView(object, key, value);
  }

  /**
   * The Jackson node a value read by {@link #fromNode} views, or null when it is not such a view:
   * lets a caller send an input on as JSON without converting it member by member.
   */
  public static JsonNode backingNode(Value v) {
    if (v instanceof JsonObjectView o) {
      return o.node();
    }
    if (v instanceof JsonArrayView a) {
      return a.node();
    }
    return null;
  }

  /** Converts a value to a Jackson tree (sets become sorted arrays, non-string keys their JSON). */
  public static JsonNode toNode(Value v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof NullValue) {
      return f.nullNode();
    } else if (v instanceof BooleanValue b) {
      return f.booleanNode(b.booleanValue());
    } else if (v instanceof NumberValue n) {
      return n.isLong() ? f.numberNode(n.longValue()) : f.numberNode(n.toBigDecimal());
    } else if (v instanceof StringValue s) {
      return f.textNode(s.value());
    } else if (v instanceof ArrayValue a) {
      ArrayNode out = f.arrayNode();
      for (int i = 0; i < a.size(); i++) {
        out.add(toNode(a.get(i)));
      }
      return out;
    } else if (v instanceof SetValue s) {
      ArrayNode out = f.arrayNode();
      for (Value e : s.elements()) {
        out.add(toNode(e));
      }
      return out;
    }
    ObjectValue o = (ObjectValue) v;
    ObjectNode out = f.objectNode();
    for (Map.Entry<Value, Value> e : o.entries()) {
      out.set(keyText(e.getKey()), toNode(e.getValue()));
    }
    return out;
  }

  /** Compact JSON text. */
  public static String write(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  private static void write(Value v, StringBuilder sb) {
    if (v instanceof StringValue s) {
      sb.append(quote(s.value()));
    } else if (v instanceof ArrayValue a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(a.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof SetValue s) {
      sb.append('[');
      boolean first = true;
      for (Value e : s.elements()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(e, sb);
      }
      sb.append(']');
    } else if (v instanceof ObjectValue o) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<Value, Value> e : o.entries()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(quote(keyText(e.getKey()))).append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      sb.append(v.toString());
    }
  }

  /** Pretty JSON with two-space indent, as {@code opa eval} prints. */
  public static String writePretty(Value v) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(v));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pretty JSON of any Jackson tree. */
  public static String writePretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String keyText(Value k) {
    return k instanceof StringValue s ? s.value() : write(k);
  }

  /** A double-quoted string with JSON escapes. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}

package io.tripline.rego.builtins;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.util.Map;

/**
 * OPA's document serialisations: {@code json.marshal}, {@code json.marshal_with_options},
 * {@code json.unmarshal}, {@code json.is_valid}, {@code yaml.marshal}, {@code yaml.unmarshal},
 * {@code yaml.is_valid}.
 */
final class SerializationBuiltins {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final YAMLMapper YAML_MAPPER =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final YAMLFactory YAML_FACTORY = YAML_MAPPER.getFactory();
  private static final ObjectReader YAML = YAML_MAPPER.readerFor(JsonNode.class);

  private SerializationBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("json.marshal", Signature.of(Type.STRING, Type.ANY), (c, a) -> StringValue.of(GoJson.marshal(a.get(0))));
    t.function("json.marshal_with_options",
        Signature.of(Type.STRING, Type.ANY, Type.objectOf(Type.STRING, Type.ANY)),
        SerializationBuiltins::marshalWithOptions);
    t.function("json.unmarshal", Signature.of(Type.ANY, Type.STRING), (c, a) -> {
      try {
        return parseJson(a.string(0));
      } catch (IllegalArgumentException e) {
        throw a.error(e.getMessage());
      }
    });
    t.function("json.is_valid", Signature.of(Type.BOOLEAN, Type.STRING), (c, a) -> {
      if (!(a.get(0) instanceof StringValue s)) {
        return BooleanValue.FALSE;
      }
      try {
        parseJson(s.value());
        return BooleanValue.TRUE;
      } catch (IllegalArgumentException e) {
        return BooleanValue.FALSE;
      }
    });
    t.function("yaml.marshal", Signature.of(Type.STRING, Type.ANY), (c, a) -> StringValue.of(GoYaml.marshal(a.get(0))));
    t.function("yaml.unmarshal", Signature.of(Type.ANY, Type.STRING), (c, a) -> {
      try {
        return YamlDocument.parse(a.string(0));
      } catch (IllegalArgumentException e) {
        throw a.error(e.getMessage());
      }
    });
    t.function("yaml.is_valid", Signature.of(Type.BOOLEAN, Type.STRING), (c, a) -> {
      if (!(a.get(0) instanceof StringValue s)) {
        return BooleanValue.FALSE;
      }
      try {
        return BooleanValue.of(YamlDocument.valid(s.value()));
      } catch (IllegalArgumentException e) {
        return BooleanValue.FALSE;
      }
    });
  }

  /** One JSON document, nothing after it; IllegalArgumentException with the parser's message. */
  static Value parseJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("unexpected end of JSON input");
      }
      return ValueJson.fromNode(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** The first YAML document; every document must parse. An empty text is null. */
  static Value parseYaml(String text) {
    try (JsonParser parser = YAML_FACTORY.createParser(text)) {
      Value first = null;
      while (parser.nextToken() != null) {
        JsonNode node = YAML.readTree(parser);
        if (first == null) {
          first = node == null ? NullValue.NULL : ValueJson.fromNode(node);
        }
      }
      return first == null ? NullValue.NULL : first;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("yaml: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("yaml: " + e.getMessage(), e);
    }
  }

  private static Value marshalWithOptions(BuiltinContext c, Arguments a) {
    Value x = a.get(0);
    ObjectValue opts = a.object(1);
    String indent = "\t";
    String prefix = "";
    boolean implicitPretty = false;
    Boolean explicitPretty = null;
    for (Map.Entry<Value, Value> e : opts.entries()) {
      if (!(e.getKey() instanceof StringValue k)) {
        throw OperandError.of(a, 1, "failed to stringify key " + e.getKey() + ": operand must be string but got "
            + e.getKey().typeName());
      }
      Value v = e.getValue();
      switch (k.value()) {
        case "prefix" -> {
          prefix = optionString(a, k.value(), v);
          implicitPretty = true;
        }
        case "indent" -> {
          indent = optionString(a, k.value(), v);
          implicitPretty = true;
        }
        case "pretty" -> {
          if (!(v instanceof BooleanValue b)) {
            throw OperandError.of(a, 1, "key pretty failed cast to bool");
          }
          explicitPretty = b.booleanValue();
        }
        default -> throw OperandError.of(a, 1, "object contained unknown key " + k.value());
      }
    }
    boolean pretty = explicitPretty != null ? explicitPretty : implicitPretty;
    if (!pretty) {
      return StringValue.of(GoJson.marshal(x));
    }
    return StringValue.of(prefix + GoJson.marshalIndent(x, prefix, indent));
  }

  private static String optionString(Arguments a, String key, Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw OperandError.of(a, 1, "key " + key + " failed cast to string: operand must be string but got " + v.typeName());
  }
}

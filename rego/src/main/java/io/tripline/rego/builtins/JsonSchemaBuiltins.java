package io.tripline.rego.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code json.verify_schema} and {@code json.match_schema} with networknt's validator; results
 * and error objects ({error, type, field, desc}) shaped as OPA's gojsonschema reports them.
 * Remote and file {@code $ref}s are never fetched (schemas may come from input): such a reference
 * is left unresolved and accepts any value.
 */
final class JsonSchemaBuiltins {
  private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "null", "object", "string");
  private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "default", "examples");

  private JsonSchemaBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b
        .schemaLoaders(loaders -> loaders.add(iri -> {
          String scheme = iri.getScheme();
          if (scheme != null && !scheme.equals("classpath") && !scheme.equals("resource")) {
            // never fetched: the reference stays unresolved and constrains nothing
            return () -> new java.io.ByteArrayInputStream("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
          return null;
        })));
    Type docOrSchema = Type.anyOf(Type.STRING, Type.OBJECT);
    t.function("json.verify_schema", Signature.of(Type.tupleOf(Type.BOOLEAN, Type.anyOf(Type.STRING, Type.NULL)), docOrSchema), (c, a) -> {
      try {
        compile(factory, a.get(0));
        return ArrayValue.of(BooleanValue.TRUE, NullValue.NULL);
      } catch (SchemaProblem e) {
        return ArrayValue.of(BooleanValue.FALSE, StringValue.of("jsonschema: " + e.getMessage()));
      }
    });
    t.function("json.match_schema", Signature.of(Type.tupleOf(Type.BOOLEAN, Type.arrayOf(Type.objectOf(Type.STRING, Type.STRING))), docOrSchema, docOrSchema), (c, a) -> {
      JsonNode doc;
      JsonSchema schema;
      try {
        doc = node(a.get(0));
        schema = c.cached(new SchemaKey(a.get(1)), () -> compile(factory, a.get(1)));
      } catch (SchemaProblem e) {
        throw a.error(e.getMessage());
      }
      List<Value> errors = new ArrayList<>();
      for (ValidationMessage m : schema.validate(doc)) {
        errors.add(SchemaErrorShape.of(m));
      }
      return ArrayValue.of(BooleanValue.of(errors.isEmpty()), ArrayValue.of(errors));
    });
  }

  private record SchemaKey(Value schema) {}

  /** A schema or document that cannot be used; the message is OPA's where it is known. */
  static final class SchemaProblem extends RuntimeException {
    SchemaProblem(String message) {
      super(message, null, false, false);
    }
  }

  private static JsonNode node(Value v) {
    if (v instanceof StringValue s) {
      try {
        return new ObjectMapper().readTree(s.value());
      } catch (IOException e) {
        throw new SchemaProblem("invalid JSON string");
      }
    }
    if (v instanceof ObjectValue || v instanceof ArrayValue) {
      return ValueJson.toNode(v);
    }
    throw new SchemaProblem("wrong type, expected string or object");
  }

  private static JsonSchema compile(JsonSchemaFactory factory, Value v) {
    if (!(v instanceof StringValue || v instanceof ObjectValue)) {
      throw new SchemaProblem("wrong type, expected string or object");
    }
    JsonNode schema = node(v);
    checkTypes(schema);
    try {
      JsonSchema s = factory.getSchema(schema);
      s.initializeValidators();
      return s;
    } catch (JsonSchemaException | IllegalArgumentException | IllegalStateException e) {
      throw new SchemaProblem(String.valueOf(e.getMessage()));
    }
  }

  /** gojsonschema rejects unknown primitive types when it compiles a schema; so do we, in its words. */
  private static void checkTypes(JsonNode schema) {
    if (schema.isArray()) {
      schema.forEach(JsonSchemaBuiltins::checkTypes);
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      List<JsonNode> names = new ArrayList<>();
      if (type.isArray()) {
        type.forEach(names::add);
      } else if (type.isTextual()) {
        names.add(type);
      }
      for (JsonNode n : names) {
        if (n.isTextual() && !TYPES.contains(n.textValue())) {
          throw new SchemaProblem("has a primitive type that is NOT VALID -- given: /" + n.textValue()
              + "/ Expected valid values are:[array boolean integer number null object string]");
        }
      }
    }
    schema.fields().forEachRemaining(e -> {
      if (!DATA_KEYWORDS.contains(e.getKey()) && !(e.getKey().equals("type") && !e.getValue().isObject())) {
        checkTypes(e.getValue());
      }
    });
  }
}

package io.tripline.rego.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** A networknt validation message as the {error, type, field, desc} object OPA builds from gojsonschema. */
final class SchemaErrorShape {
  private SchemaErrorShape() {}

  static Value of(ValidationMessage m) {
    String field = field(m.getInstanceLocation());
    String[] typeAndDesc = typeAndDescription(m, field);
    return ObjectValue.builder()
        .put("error", StringValue.of(field + ": " + typeAndDesc[1]))
        .put("type", StringValue.of(typeAndDesc[0]))
        .put("field", StringValue.of(field))
        .put("desc", StringValue.of(typeAndDesc[1]))
        .build();
  }

  /** gojsonschema's field as OPA reports it: "(Root)" or the dotted path below it ("a.0.b"). */
  static String field(JsonNodePath path) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      parts.add(String.valueOf(path.getElement(i)));
    }
    return parts.isEmpty() ? "(Root)" : String.join(".", parts);
  }

  private static String[] typeAndDescription(ValidationMessage m, String field) {
    JsonNode schema = m.getSchemaNode();
    JsonNode value = m.getInstanceNode();
    String keyword = m.getType();
    switch (keyword) {
      case "type":
        return pair("invalid_type", "Invalid type. Expected: " + expectedTypes(schema) + ", given: " + jsonType(value));
      case "required":
        return pair("required", m.getProperty() + " is required");
      case "enum":
        return pair("enum", field + " must be one of the following: " + joined(schema));
      case "const":
        return pair("const", field + " does not match: " + schema);
      case "additionalProperties":
        return pair("additional_property_not_allowed", "Additional property " + m.getProperty() + " is not allowed");
      case "minimum":
        return pair("number_gte", "Must be greater than or equal to " + schema.asText());
      case "exclusiveMinimum":
        return pair("number_gt", "Must be greater than " + schema.asText());
      case "maximum":
        return pair("number_lte", "Must be less than or equal to " + schema.asText());
      case "exclusiveMaximum":
        return pair("number_lt", "Must be less than " + schema.asText());
      case "multipleOf":
        return pair("multiple_of", "Must be a multiple of " + schema.asText());
      case "minLength":
        return pair("string_gte", "String length must be greater than or equal to " + schema.asText());
      case "maxLength":
        return pair("string_lte", "String length must be less than or equal to " + schema.asText());
      case "pattern":
        return pair("pattern", "Does not match pattern '" + schema.asText() + "'");
      case "format":
        return pair("format", "Does not match format '" + schema.asText() + "'");
      case "minItems":
        return pair("array_min_items", "Array must have at least " + schema.asText() + " items");
      case "maxItems":
        return pair("array_max_items", "Array must have at most " + schema.asText() + " items");
      case "uniqueItems":
        return pair("unique", "array items" + duplicatePair(value) + " must be unique");
      case "minProperties":
        return pair("array_min_properties", "Must have at least " + schema.asText() + " properties");
      case "maxProperties":
        return pair("array_max_properties", "Must have at most " + schema.asText() + " properties");
      case "anyOf":
        return pair("number_any_of", "Must validate at least one schema (anyOf)");
      case "oneOf":
        return pair("number_one_of", "Must validate one and only one schema (oneOf)");
      case "allOf":
        return pair("number_all_of", "Must validate all the schemas (allOf)");
      case "not":
        return pair("number_not", "Must not validate the schema (not)");
      case "false":
        return pair("false", "False always fails validation");
      case "contains":
        return pair("contains", "At least one of the items must match");
      case "then":
        return pair("condition_then", "Must validate \"then\" as \"if\" was valid");
      case "else":
        return pair("condition_else", "Must validate \"else\" as \"if\" was not valid");
      case "dependencies":
      case "dependentRequired":
        return pair("missing_dependency", "Has a dependency on " + m.getProperty());
      case "additionalItems":
        return pair("array_no_additional_items", "No additional items allowed on array");
      default:
        return pair(keyword, m.getMessage().replaceFirst("^\\$[^:]*: ", ""));
    }
  }

  /** {@code [i,j]}: the first repeated item j and the earlier item i it repeats, as gojsonschema names them. */
  private static String duplicatePair(JsonNode array) {
    if (array != null && array.isArray()) {
      for (int j = 1; j < array.size(); j++) {
        for (int i = j - 1; i >= 0; i--) {
          if (array.get(i).equals(array.get(j))) {
            return "[" + i + "," + j + "]";
          }
        }
      }
    }
    return "";
  }

  private static String[] pair(String type, String desc) {
    return new String[] {type, desc};
  }

  private static String expectedTypes(JsonNode schema) {
    if (schema != null && schema.isArray()) {
      List<String> names = new ArrayList<>();
      schema.forEach(n -> names.add(n.asText()));
      return names.size() == 1 ? names.get(0) : "[" + String.join(",", names) + "]";
    }
    return schema == null ? "" : schema.asText();
  }

  private static String joined(JsonNode values) {
    List<String> parts = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> parts.add(v.toString()));
    }
    return String.join(", ", parts);
  }

  /** gojsonschema's names for a JSON value's type (integral numbers are "integer"). */
  private static String jsonType(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    return v.isArray() ? "array" : "object";
  }
}

package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;
import org.junit.jupiter.api.Test;

class JsonSchemaBuiltinsTest {
  private final FixedContext ctx = new FixedContext();
  private static final String SCHEMA = "{\"properties\":{\"id\":{\"type\":\"integer\"},\"tags\":{\"type\":\"array\",\"maxItems\":1}},\"required\":[\"id\"]}";

  @Test
  void matchesDocumentsGivenAsObjectsOrStrings() {
    assertThat(ctx.call("json.match_schema", "{\"id\":5}", SCHEMA)).isEqualTo(json("[true, []]"));
    assertThat(ctx.call("json.match_schema", StringValue.of("{\"id\": 5}").toString(), SCHEMA)).isEqualTo(json("[true, []]"));
    assertThat(ctx.call("json.match_schema", "{\"id\":5}", StringValue.of(SCHEMA).toString())).isEqualTo(json("[true, []]"));
  }

  @Test
  void reportsErrorsInGojsonschemaShape() {
    assertThat(ctx.call("json.match_schema", "{\"id\":\"foo\"}", SCHEMA)).isEqualTo(json(
        "[false, [{\"desc\":\"Invalid type. Expected: integer, given: string\",\"error\":\"id: Invalid type. Expected: integer, given: string\","
            + "\"field\":\"id\",\"type\":\"invalid_type\"}]]"));
    assertThat(ctx.call("json.match_schema", "{}", SCHEMA)).isEqualTo(json(
        "[false, [{\"desc\":\"id is required\",\"error\":\"(Root): id is required\",\"field\":\"(Root)\",\"type\":\"required\"}]]"));
    ArrayValue tooMany = (ArrayValue) ((ArrayValue) ctx.call("json.match_schema", "{\"id\":1,\"tags\":[1,2]}", SCHEMA)).get(1);
    assertThat(tooMany.get(0)).isEqualTo(json("{\"desc\":\"Array must have at most 1 items\",\"error\":\"tags: Array must have at most 1 items\","
        + "\"field\":\"tags\",\"type\":\"array_max_items\"}"));
    assertThat(((ArrayValue) ctx.call("json.match_schema", "{\"value\":\"allow\"}", "{\"enum\":[]}")).get(0)).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void invalidSchemasFailAsOpa() {
    assertThatThrownBy(() -> ctx.call("json.match_schema", "{\"id\":\"foo\"}", "{\"properties\":{\"id\":{\"type\":\"unknown\"}}}"))
        .hasMessage("json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:"
            + "[array boolean integer number null object string]");
    assertThat(ctx.call("json.verify_schema", SCHEMA)).isEqualTo(json("[true, null]"));
    assertThat(ctx.call("json.verify_schema", "{\"type\":\"nope\"}")).isEqualTo(json(
        "[false, \"jsonschema: has a primitive type that is NOT VALID -- given: /nope/ Expected valid values are:[array boolean integer number null object string]\"]"));
    assertThat(ctx.call("json.verify_schema", "\"{bad\"")).isEqualTo(json("[false, \"jsonschema: invalid JSON string\"]"));
    assertThat(ctx.call("json.verify_schema", "{\"properties\":{\"type\":{\"type\":\"string\"}}}")).isEqualTo(json("[true, null]"));
  }

  @Test
  void remoteReferencesAreNotFetchedAndLeftUnresolved() {
    String schema = "{\"properties\":{\"a\":{\"$ref\":\"https://example.com/schema.json\"},\"b\":{\"type\":\"string\"}}}";
    assertThat(ctx.call("json.match_schema", "{\"a\":1,\"b\":\"x\"}", schema)).isEqualTo(json("[true, []]"));
    assertThat(((ArrayValue) ctx.call("json.match_schema", "{\"a\":1,\"b\":2}", schema)).get(0)).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("json.verify_schema", schema)).isEqualTo(json("[true, null]"));
  }

  @Test
  void uniqueItemsAndAdditionalPropertiesInGojsonschemaWords() {
    assertThat(ctx.call("json.match_schema", "[\"a\",\"b\",\"b\"]", "{\"type\":\"array\",\"uniqueItems\":true}"))
        .isEqualTo(json("[false, [{\"desc\":\"array items[1,2] must be unique\",\"error\":\"(Root): array items[1,2] must be unique\","
            + "\"field\":\"(Root)\",\"type\":\"unique\"}]]"));
    assertThat(ctx.call("json.match_schema", "{\"x\":1}", "{\"properties\":{},\"additionalProperties\":false}"))
        .isEqualTo(json("[false, [{\"desc\":\"Additional property x is not allowed\",\"error\":\"(Root): Additional property x is not allowed\","
            + "\"field\":\"(Root)\",\"type\":\"additional_property_not_allowed\"}]]"));
  }

  @Test
  void verifySchemaOfANonSchemaIsAWrongType() {
    assertThat(ctx.call("json.verify_schema", "[\"x\"]"))
        .isEqualTo(json("[false, \"jsonschema: wrong type, expected string or object\"]"));
  }
}

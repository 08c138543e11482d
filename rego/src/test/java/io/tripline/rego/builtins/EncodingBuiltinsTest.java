package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingBuiltinsTest {
  private final FixedContext q = new FixedContext();

  @Test
  void base64RequiresPaddingAsGo() {
    assertThat(q.resultJson("base64.encode", str("hello?"))).isEqualTo(str("aGVsbG8/"));
    assertThat(q.resultJson("base64.decode", str("aGk="))).isEqualTo(str("hi"));
    assertThat(q.resultJson("base64.is_valid", str("aGk"))).isEqualTo("false");
    assertThat(q.resultJson("base64.is_valid", "1")).isEqualTo("false");
    assertThatThrownBy(() -> q.call("base64.decode", str("a$==")))
        .hasMessage("base64.decode: illegal base64 data at input byte 1");
  }

  @Test
  void base64UrlAddsMissingPadding() {
    assertThat(q.resultJson("base64url.encode", str("hello?"))).isEqualTo(str("aGVsbG8_"));
    assertThat(q.resultJson("base64url.encode_no_pad", str("hi"))).isEqualTo(str("aGk"));
    assertThat(q.resultJson("base64url.decode", str("aGk"))).isEqualTo(str("hi"));
    assertThatThrownBy(() -> q.call("base64url.decode", str("a")))
        .hasMessage("base64url.decode: illegal base64url string: a");
  }

  @Test
  void hexReportsInvalidBytesBeforeOddLength() {
    assertThat(q.resultJson("hex.encode", str("Hi!"))).isEqualTo(str("486921"));
    assertThat(q.resultJson("hex.decode", str("486921"))).isEqualTo(str("Hi!"));
    assertThatThrownBy(() -> q.call("hex.decode", str("6g")))
        .hasMessage("hex.decode: encoding/hex: invalid byte: U+0067 'g'");
    assertThatThrownBy(() -> q.call("hex.decode", str("486")))
        .hasMessage("hex.decode: encoding/hex: odd length hex string");
  }

  @Test
  void urlQueryEscapesLikeGo() {
    assertThat(q.resultJson("urlquery.encode", str("a b&c~*"))).isEqualTo(str("a+b%26c~%2A"));
    assertThat(q.resultJson("urlquery.decode", str("a+b%26c"))).isEqualTo(str("a b&c"));
    assertThatThrownBy(() -> q.call("urlquery.decode", str("%zz")))
        .hasMessage("urlquery.decode: invalid URL escape \"%zz\"");
    assertThat(q.resultJson("urlquery.encode_object", "{\"b\":[\"2\",\"1\"],\"a\":\"x y\",\"c\":[]}"))
        .isEqualTo(str("a=x+y&b=2&b=1"));
    assertThat(q.resultJson("urlquery.decode_object", str("a=1&b=2&a=3&c")))
        .isEqualTo("{\"a\":[\"1\",\"3\"],\"b\":[\"2\"],\"c\":[\"\"]}");
    assertThatThrownBy(() -> q.call("urlquery.encode_object", "{\"a\":1}"))
        .hasMessage("urlquery.encode_object: operand 1 values must be string, array[string], or set[string]");
  }

  @Test
  void jsonMarshalsWithGoEscapesAndSortedKeys() {
    assertThat(q.resultJson("json.marshal", "{\"b\":[1,\"<x>\"],\"a\":null}"))
        .isEqualTo(str("{\"a\":null,\"b\":[1,\"\\u003cx\\u003e\"]}"));
    assertThat(q.resultJson("json.marshal_with_options", "{\"a\":[1]}", "{\"indent\":\"  \",\"prefix\":\"> \"}"))
        .isEqualTo(str("> {\n>   \"a\": [\n>     1\n>   ]\n> }"));
    assertThat(q.resultJson("json.marshal_with_options", "{\"a\":1}", "{\"indent\":\"  \",\"pretty\":false}"))
        .isEqualTo(str("{\"a\":1}"));
    assertThatThrownBy(() -> q.call("json.marshal_with_options", "1", "{\"colour\":true}"))
        .hasMessage("json.marshal_with_options: operand 2 object contained unknown key colour");
  }

  @Test
  void jsonUnmarshalsOneDocument() {
    assertThat(q.resultJson("json.unmarshal", str("{\"a\":[1,2.5]}"))).isEqualTo("{\"a\":[1,2.5]}");
    assertThat(q.resultJson("json.is_valid", str("{\"a\":1} x"))).isEqualTo("false");
    assertThat(q.resultJson("json.is_valid", str("plainstring"))).isEqualTo("false");
    assertThat(q.resultJson("json.is_valid", str("[]"))).isEqualTo("true");
    assertThatThrownBy(() -> q.call("json.unmarshal", str(""))).hasMessageStartingWith("json.unmarshal: ");
  }

  @Test
  void yamlMarshalsInGoYamlShape() {
    assertThat(q.call("yaml.marshal", "{\"b\":[1,{\"c\":\"true\"}],\"a\":\"x: y\",\"k10\":1,\"k9\":2}"))
        .isEqualTo(io.tripline.rego.value.StringValue.of(
            "a: 'x: y'\nb:\n- 1\n- c: \"true\"\nk9: 2\nk10: 1\n"));
    assertThat(q.resultJson("yaml.unmarshal", str("a:\n  - 1\n  - two\n"))).isEqualTo("{\"a\":[1,\"two\"]}");
    String words = "word ".repeat(20).trim();
    assertThat(q.call("yaml.marshal", "{\"a\":" + str(words) + ",\"b\":[" + str(words + ": x") + "]}"))
        .isEqualTo(io.tripline.rego.value.StringValue.of("a: " + "word ".repeat(15) + "word\n  word word word word\nb:\n- '"
            + "word ".repeat(15) + "word\n  word word word word: x'\n"));
    assertThat(q.resultJson("yaml.is_valid", str("a: 1\n---\nb: 2\n"))).isEqualTo("true");
    assertThat(q.resultJson("yaml.unmarshal", q.resultJson("yaml.marshal", "[{\"foo\":[1,2]}]"))).isEqualTo("[{\"foo\":[1,2]}]");
    assertThat(q.resultJson("yaml.unmarshal", str("- 1\n- 2\n"))).isEqualTo("[1,2]");
    assertThat(q.resultJson("yaml.is_valid", str("a: 1\n---\n\tb: 2\n"))).isEqualTo("false");
    assertThat(q.resultJson("yaml.is_valid", str("foo:\n - qux: bar\n - baz: {"))).isEqualTo("false");
  }

  @Test
  void convertsToNumbers() {
    assertThat(q.resultJson("to_number", str("-1.5e2"))).isEqualTo("-150");
    assertThat(q.resultJson("to_number", "true")).isEqualTo("1");
    assertThat(q.resultJson("to_number", "null")).isEqualTo("0");
    assertThatThrownBy(() -> q.call("to_number", str("inf")))
        .hasMessage("to_number: operand 1 must be valid number string but got string");
    assertThatThrownBy(() -> q.call("to_number", str("12a")))
        .hasMessage("to_number: strconv.ParseFloat: parsing \"12a\": invalid syntax");
    assertThatThrownBy(() -> q.call("to_number", "[]"))
        .hasMessage("to_number: operand 1 must be one of {null, boolean, number, string} but got array");
  }
}

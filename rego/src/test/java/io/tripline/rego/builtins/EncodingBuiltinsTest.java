package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.QueryContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingBuiltinsTest {
  private final QueryContext q = new QueryContext();

  @Test
  void base64RequiresPaddingAsGo() {
    assertThat(q.json("base64.encode", str("hello?"))).isEqualTo(str("aGVsbG8/"));
    assertThat(q.json("base64.decode", str("aGk="))).isEqualTo(str("hi"));
    assertThat(q.json("base64.is_valid", str("aGk"))).isEqualTo("false");
    assertThat(q.json("base64.is_valid", "1")).isEqualTo("false");
    assertThatThrownBy(() -> q.call("base64.decode", str("a$==")))
        .hasMessage("base64.decode: illegal base64 data at input byte 1");
  }

  @Test
  void base64UrlAddsMissingPadding() {
    assertThat(q.json("base64url.encode", str("hello?"))).isEqualTo(str("aGVsbG8_"));
    assertThat(q.json("base64url.encode_no_pad", str("hi"))).isEqualTo(str("aGk"));
    assertThat(q.json("base64url.decode", str("aGk"))).isEqualTo(str("hi"));
    assertThatThrownBy(() -> q.call("base64url.decode", str("a")))
        .hasMessage("base64url.decode: illegal base64url string: a");
  }

  @Test
  void hexReportsInvalidBytesBeforeOddLength() {
    assertThat(q.json("hex.encode", str("Hi!"))).isEqualTo(str("486921"));
    assertThat(q.json("hex.decode", str("486921"))).isEqualTo(str("Hi!"));
    assertThatThrownBy(() -> q.call("hex.decode", str("6g")))
        .hasMessage("hex.decode: encoding/hex: invalid byte: U+0067 'g'");
    assertThatThrownBy(() -> q.call("hex.decode", str("486")))
        .hasMessage("hex.decode: encoding/hex: odd length hex string");
  }

  @Test
  void urlQueryEscapesLikeGo() {
    assertThat(q.json("urlquery.encode", str("a b&c~*"))).isEqualTo(str("a+b%26c~%2A"));
    assertThat(q.json("urlquery.decode", str("a+b%26c"))).isEqualTo(str("a b&c"));
    assertThatThrownBy(() -> q.call("urlquery.decode", str("%zz")))
        .hasMessage("urlquery.decode: invalid URL escape \"%zz\"");
    assertThat(q.json("urlquery.encode_object", "{\"b\":[\"2\",\"1\"],\"a\":\"x y\",\"c\":[]}"))
        .isEqualTo(str("a=x+y&b=2&b=1"));
    assertThat(q.json("urlquery.decode_object", str("a=1&b=2&a=3&c")))
        .isEqualTo("{\"a\":[\"1\",\"3\"],\"b\":[\"2\"],\"c\":[\"\"]}");
    assertThatThrownBy(() -> q.call("urlquery.encode_object", "{\"a\":1}"))
        .hasMessage("urlquery.encode_object: operand 1 values must be string, array[string], or set[string]");
  }

  @Test
  void jsonMarshalsWithGoEscapesAndSortedKeys() {
    assertThat(q.json("json.marshal", "{\"b\":[1,\"<x>\"],\"a\":null}"))
        .isEqualTo(str("{\"a\":null,\"b\":[1,\"\\u003cx\\u003e\"]}"));
    assertThat(q.json("json.marshal_with_options", "{\"a\":[1]}", "{\"indent\":\"  \",\"prefix\":\"> \"}"))
        .isEqualTo(str("> {\n>   \"a\": [\n>     1\n>   ]\n> }"));
    assertThat(q.json("json.marshal_with_options", "{\"a\":1}", "{\"indent\":\"  \",\"pretty\":false}"))
        .isEqualTo(str("{\"a\":1}"));
    assertThatThrownBy(() -> q.call("json.marshal_with_options", "1", "{\"colour\":true}"))
        .hasMessage("json.marshal_with_options: operand 2 object contained unknown key colour");
  }

  @Test
  void jsonUnmarshalsOneDocument() {
    assertThat(q.json("json.unmarshal", str("{\"a\":[1,2.5]}"))).isEqualTo("{\"a\":[1,2.5]}");
    assertThat(q.json("json.is_valid", str("{\"a\":1} x"))).isEqualTo("false");
    assertThat(q.json("json.is_valid", str("plainstring"))).isEqualTo("false");
    assertThat(q.json("json.is_valid", str("[]"))).isEqualTo("true");
    assertThatThrownBy(() -> q.call("json.unmarshal", str(""))).hasMessageStartingWith("json.unmarshal: ");
  }

  @Test
  void yamlMarshalsInGoYamlShape() {
    assertThat(q.call("yaml.marshal", "{\"b\":[1,{\"c\":\"true\"}],\"a\":\"x: y\",\"k10\":1,\"k9\":2}"))
        .isEqualTo(io.tripline.rego.value.StringValue.of(
            "a: 'x: y'\nb:\n- 1\n- c: \"true\"\nk9: 2\nk10: 1\n"));
    assertThat(q.json("yaml.unmarshal", str("a:\n  - 1\n  - two\n"))).isEqualTo("{\"a\":[1,\"two\"]}");
    String words = "word ".repeat(20).trim();
    assertThat(q.call("yaml.marshal", "{\"a\":" + str(words) + ",\"b\":[" + str(words + ": x") + "]}"))
        .isEqualTo(io.tripline.rego.value.StringValue.of("a: " + "word ".repeat(15) + "word\n  word word word word\nb:\n- '"
            + "word ".repeat(15) + "word\n  word word word word: x'\n"));
    assertThat(q.json("yaml.is_valid", str("a: 1\n---\nb: 2\n"))).isEqualTo("true");
    assertThat(q.json("yaml.unmarshal", q.json("yaml.marshal", "[{\"foo\":[1,2]}]"))).isEqualTo("[{\"foo\":[1,2]}]");
    assertThat(q.json("yaml.unmarshal", str("- 1\n- 2\n"))).isEqualTo("[1,2]");
    assertThat(q.json("yaml.is_valid", str("a: 1\n---\n\tb: 2\n"))).isEqualTo("false");
    assertThat(q.json("yaml.is_valid", str("foo:\n - qux: bar\n - baz: {"))).isEqualTo("false");
  }

  @Test
  void convertsToNumbers() {
    assertThat(q.json("to_number", str("-1.5e2"))).isEqualTo("-150");
    assertThat(q.json("to_number", "true")).isEqualTo("1");
    assertThat(q.json("to_number", "null")).isEqualTo("0");
    assertThatThrownBy(() -> q.call("to_number", str("inf")))
        .hasMessage("to_number: operand 1 must be valid number string but got string");
    assertThatThrownBy(() -> q.call("to_number", str("12a")))
        .hasMessage("to_number: strconv.ParseFloat: parsing \"12a\": invalid syntax");
    assertThatThrownBy(() -> q.call("to_number", "[]"))
        .hasMessage("to_number: operand 1 must be one of {null, boolean, number, string} but got array");
  }
}

package io.tripline.rego.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.ValueJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rego.parse_module} returns OPA's AST JSON (without locations). */
class ParseModuleBuiltinTest {
  private static final PreparedPolicy EMPTY = Rego.compile(Map.of(), ObjectValue.EMPTY);

  private static String parse(String source) {
    String query = "x := rego.parse_module(\"p.rego\", " + ValueJson.quote(source) + ")";
    return ValueJson.write(EMPTY.evaluate(query, null).results().get(0).bindings().get("x"));
  }

  @Test
  void packageImportsAndRulesInOpaShape() {
    String ast = parse("package a.b\n\nimport data.lib.x as y\n\nallow if {\n  input.user == \"alice\"\n  not y.blocked\n}\n");
    assertThat(ast).contains(
        "\"package\":{\"path\":[{\"type\":\"var\",\"value\":\"data\"},{\"type\":\"string\",\"value\":\"a\"},{\"type\":\"string\",\"value\":\"b\"}]}");
    assertThat(ast).contains("\"alias\":\"y\"");
    assertThat(ast).contains("\"head\":{\"name\":\"allow\",\"ref\":[{\"type\":\"var\",\"value\":\"allow\"}],"
        + "\"value\":{\"type\":\"boolean\",\"value\":true}}");
    assertThat(ast).contains("{\"index\":0,\"terms\":[{\"type\":\"ref\",\"value\":[{\"type\":\"var\",\"value\":\"equal\"}]},"
        + "{\"type\":\"ref\",\"value\":[{\"type\":\"var\",\"value\":\"input\"},{\"type\":\"string\",\"value\":\"user\"}]},"
        + "{\"type\":\"string\",\"value\":\"alice\"}]}");
    assertThat(ast).contains("{\"index\":1,\"negated\":true,\"terms\":{\"type\":\"ref\"");
  }

  @Test
  void syntaxErrorsAreBuiltinErrors() {
    assertThatThrownBy(() -> EMPTY.evaluate("x := rego.parse_module(\"p.rego\", \"package\")", null,
        EvalOptions.DEFAULT.strict(true)))
        .hasMessageContaining("rego.parse_module: 1 error occurred: p.rego:1:");
  }
}

package io.tripline.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BuiltinCapabilitiesTest {

  private static JsonNode builtin(JsonNode doc, String name) {
    for (JsonNode b : doc.get("builtins")) {
      if (b.get("name").asText().equals(name)) {
        return b;
      }
    }
    return null;
  }

  @Test
  void declarationsUseOpaTypeJson() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(BuiltinCapabilities.json(BuiltinTable.standard()));
    assertThat(doc.get("builtins").size()).isEqualTo(BuiltinTable.standard().all().size());
    assertThat(builtin(doc, "startswith").get("decl").toString()).isEqualTo(
        "{\"type\":\"function\",\"args\":[{\"type\":\"string\"},{\"type\":\"string\"}],\"result\":{\"type\":\"boolean\"}}");
    assertThat(builtin(doc, "equal").get("infix").asText()).isEqualTo("==");
    assertThat(builtin(doc, "rego.metadata.rule")).isNotNull();
    assertThat(builtin(doc, "rego.parse_module")).isNotNull();
    assertThat(doc.get("features").toString()).contains("rego_v1");
  }

  @Test
  void layoutIsGoIndentation() {
    assertThat(BuiltinCapabilities.json(BuiltinTable.standard())).startsWith("{\n  \"builtins\": [\n    {\n      \"name\": \"abs\",");
  }
}

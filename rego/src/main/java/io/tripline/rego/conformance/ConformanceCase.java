package io.tripline.rego.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One case of an OPA-format YAML test file ({@code cases[]}), fields as OPA names them. */
public record ConformanceCase(
    String note,
    String query,
    List<String> modules,
    JsonNode data,
    JsonNode input,
    String inputTerm,
    JsonNode wantResult,
    String wantError,
    String wantErrorCode,
    boolean strictError,
    boolean sortBindings,
    boolean skip) {

  static ConformanceCase from(JsonNode c) {
    List<String> modules = new ArrayList<>();
    if (c.has("modules")) {
      c.get("modules").forEach(m -> modules.add(m.asText()));
    }
    return new ConformanceCase(
        text(c, "note"),
        text(c, "query"),
        modules,
        c.get("data"),
        c.get("input"),
        text(c, "input_term"),
        c.get("want_result"),
        text(c, "want_error"),
        text(c, "want_error_code"),
        c.path("strict_error").asBoolean(false),
        c.path("sort_bindings").asBoolean(false),
        c.path("skip").asBoolean(false));
  }

  private static String text(JsonNode c, String field) {
    JsonNode n = c.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}

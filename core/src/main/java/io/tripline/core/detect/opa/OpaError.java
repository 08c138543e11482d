package io.tripline.core.detect.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.rego.RegoError;
import java.util.ArrayList;
import java.util.List;

/**
 * OPA's error body: {@code {"code": "...", "message": "...", "errors": [{"code", "message",
 * "location": {"file", "row", "col"}}]}}, written by the server and read by the client.
 */
record OpaError(String code, String message, List<Detail> errors) {

  static final String INTERNAL = "internal_error";
  static final String INVALID_PARAMETER = "invalid_parameter";
  static final String INVALID_OPERATION = "invalid_operation";
  static final String RESOURCE_NOT_FOUND = "resource_not_found";
  static final String EVALUATION_MESSAGE = "error(s) occurred while evaluating query";
  static final String COMPILE_QUERY_MESSAGE = "error(s) occurred while compiling query";

  /** One detailed error; {@code file} may be empty and {@code row} 0 when there is no location. */
  record Detail(String code, String message, String file, int row, int col) {

    static Detail of(RegoError e) {
      return e.location() == null
          ? new Detail(e.code(), e.message(), "", 0, 0)
          : new Detail(e.code(), e.message(), e.location().file(), e.location().line(), e.location().col());
    }

    /** As the embedded engine prints it: {@code file:row: code: message} (evaluation) or {@code file:row:col: ...}. */
    @Override
    public String toString() {
      if (row == 0) {
        return code + ": " + message;
      }
      String at = code.startsWith("eval_") && !file.isEmpty()
          ? file + ":" + row
          : (file.isEmpty() ? "" : file + ":") + row + ":" + col;
      return at + ": " + code + ": " + message;
    }
  }

  OpaError(String code, String message) {
    this(code, message, List.of());
  }

  static OpaError evaluation(List<RegoError> errors) {
    return new OpaError(INTERNAL, EVALUATION_MESSAGE, errors.stream().map(Detail::of).toList());
  }

  /** True for OPA's evaluation failures (HTTP 500 with details): the same input fails again. */
  boolean isEvaluation() {
    return !errors.isEmpty() && errors.stream().allMatch(d -> d.code().startsWith("eval_"));
  }

  /** The details one per line, or the message when there are none. */
  String details() {
    if (errors.isEmpty()) {
      return code + ": " + message;
    }
    return String.join("\n", errors.stream().map(Detail::toString).toList());
  }

  /** {@code code: message} followed by each detail. */
  String describe() {
    StringBuilder b = new StringBuilder(code).append(": ").append(message);
    for (Detail d : errors) {
      b.append("\n  ").append(d);
    }
    return b.toString();
  }

  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", code);
    o.put("message", message);
    if (!errors.isEmpty()) {
      var arr = o.putArray("errors");
      for (Detail d : errors) {
        ObjectNode e = arr.addObject();
        e.put("code", d.code());
        e.put("message", d.message());
        if (d.row() > 0) {
          ObjectNode loc = e.putObject("location");
          loc.put("file", d.file());
          loc.put("row", d.row());
          loc.put("col", d.col());
        }
      }
    }
    return o;
  }

  /** Reads an error body; null when the JSON is not one (no {@code code} string). */
  static OpaError parse(JsonNode body) {
    if (body == null || !body.isObject() || !body.path("code").isTextual()) {
      return null;
    }
    List<Detail> details = new ArrayList<>();
    for (JsonNode e : body.path("errors")) {
      JsonNode loc = e.path("location");
      details.add(new Detail(e.path("code").asText(""), e.path("message").asText(""),
          loc.path("file").asText(""), loc.path("row").asInt(0), loc.path("col").asInt(0)));
    }
    return new OpaError(body.path("code").asText(), body.path("message").asText(""), details);
  }
}

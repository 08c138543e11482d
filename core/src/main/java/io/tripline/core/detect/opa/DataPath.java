package io.tripline.core.detect.opa;

import io.tripline.rego.value.ValueJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Data API URL path ({@code /v1/data/a/b/0}) as the query the embedded engine evaluates
 * ({@code data["a"]["b"][0]}). As OPA: segments are URL-decoded ({@code %2F} is a slash inside a
 * key), segments that are integers index arrays, empty segments are ignored.
 */
record DataPath(List<String> segments) {
  static final String PREFIX = "/v1/data";

  /** The path below {@code /v1/data}, or null when the raw path is not under it. */
  static DataPath parse(String rawPath) {
    if (!rawPath.equals(PREFIX) && !rawPath.startsWith(PREFIX + "/")) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String s : rawPath.substring(PREFIX.length()).split("/")) {
      if (!s.isEmpty()) {
        segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return new DataPath(List.copyOf(segments));
  }

  /**
   * The query text. The root is spelled as a comprehension over its keys: the embedded engine
   * answers a bare {@code data} query wrongly (an empty object, or an internal error).
   */
  String query() {
    if (segments.isEmpty()) {
      return "{k: v | some k; v := data[k]}";
    }
    StringBuilder b = new StringBuilder("data");
    for (String s : segments) {
      b.append('[').append(s.matches("-?[0-9]{1,18}") ? String.valueOf(Long.parseLong(s)) : ValueJson.quote(s)).append(']');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return segments.isEmpty() ? "data" : "data." + String.join(".", segments);
  }
}

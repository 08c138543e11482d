package io.tripline.iam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context: condition keys and their values. Keys compare case-insensitively
 * ({@code aws:SourceIp} = {@code AWS:sourceip}). A key given as a string is single-valued; a key
 * given as an array is multivalued (possibly empty, which differs from absent). Nothing is
 * inferred: a key the request does not give is absent.
 */
public final class RequestContext {

  private static final RequestContext EMPTY = new RequestContext(Map.of());

  private final Map<String, List<String>> values;

  private RequestContext(Map<String, List<String>> values) {
    this.values = values;
  }

  public static RequestContext empty() {
    return EMPTY;
  }

  /**
   * A context from a map whose values are strings (single-valued keys) or lists of strings
   * (multivalued keys).
   */
  public static RequestContext of(Map<String, ?> given) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    given.forEach((k, v) -> {
      if (v instanceof List<?> list) {
        out.put(k.toLowerCase(Locale.ROOT), list.stream().map(String::valueOf).toList());
      } else {
        out.put(k.toLowerCase(Locale.ROOT), List.of(String.valueOf(v)));
      }
    });
    return new RequestContext(Collections.unmodifiableMap(out));
  }

  /** The values of {@code key}, or null when the request does not have the key. */
  public List<String> get(String key) {
    return values.get(key.toLowerCase(Locale.ROOT));
  }

  /** The single value of {@code key}, or null when the key is absent or has other than one value. */
  public String single(String key) {
    List<String> v = get(key);
    return v != null && v.size() == 1 ? v.get(0) : null;
  }

  public Map<String, List<String>> asMap() {
    return values;
  }
}

package io.tripline.rego.metadata;

import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** One entry of {@code related_resources}: a URL and an optional description. */
public record RelatedResource(String ref, String description) {

  /** Parses OPA's forms: a URL string, or {@code {ref, description}}. */
  static RelatedResource parse(Object raw) {
    if (raw instanceof String s) {
      return new RelatedResource(url(s), "");
    }
    if (raw instanceof Map<?, ?> m) {
      if (!(m.get("ref") instanceof String ref)) {
        throw new IllegalArgumentException("'ref' value required in object");
      }
      return new RelatedResource(url(ref), m.get("description") instanceof String d ? d : "");
    }
    throw new IllegalArgumentException("ref URL must be either string or object");
  }

  private static String url(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("ref URL may not be empty string");
    }
    try {
      URI u = new URI(t);
      if (u.getScheme() == null) {
        throw new IllegalArgumentException("parse \"" + t + "\": invalid URI for request");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("parse \"" + t + "\": " + e.getReason());
    }
    return t;
  }

  ObjectValue toValue() {
    ObjectValue.Builder b = ObjectValue.builder().put("ref", StringValue.of(ref));
    if (!description.isEmpty()) {
      b.put("description", StringValue.of(description));
    }
    return b.build();
  }
}

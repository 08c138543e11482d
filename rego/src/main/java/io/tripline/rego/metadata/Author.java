package io.tripline.rego.metadata;

import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One entry of {@code authors}: a name, an email, or both (either may be empty). */
public record Author(String name, String email) {

  /** Parses OPA's forms: {@code "Jane Doe <jane@example.com>"} or {@code {name, email}}. */
  static Author parse(Object raw) {
    if (raw instanceof String s) {
      List<String> parts = Arrays.stream(s.trim().split("\\s+")).filter(p -> !p.isEmpty()).toList();
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("author is an empty string");
      }
      String last = parts.get(parts.size() - 1);
      if (last.length() >= 2 && last.startsWith("<") && last.endsWith(">")) {
        return new Author(String.join(" ", parts.subList(0, parts.size() - 1)), last.substring(1, last.length() - 1));
      }
      return new Author(String.join(" ", parts), "");
    }
    if (raw instanceof Map<?, ?> m) {
      String name = m.get("name") instanceof String n ? n : "";
      String email = m.get("email") instanceof String e ? e : "";
      if (name.isEmpty() && email.isEmpty()) {
        throw new IllegalArgumentException("'name' and/or 'email' values required in object");
      }
      return new Author(name, email);
    }
    throw new IllegalArgumentException("author must be either string or object");
  }

  ObjectValue toValue() {
    ObjectValue.Builder b = ObjectValue.builder();
    if (!name.isEmpty()) {
      b.put("name", StringValue.of(name));
    }
    if (!email.isEmpty()) {
      b.put("email", StringValue.of(email));
    }
    return b.build();
  }
}

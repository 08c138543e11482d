package io.tripline.iam;

import java.util.BitSet;
import java.util.List;

/**
 * Substitutes policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'default'}}) and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} with values from the
 * request context. Only single-valued keys can be variables. Source: "IAM policy elements:
 * Variables and tags" (IAM User Guide).
 */
final class PolicyVariables {

  /**
   * Text after substitution.
   *
   * @param value the text
   * @param literal positions whose {@code *} or {@code ?} must not act as wildcards (null: none)
   */
  record Text(String value, BitSet literal) {}

  private PolicyVariables() {}

  /** {@code raw} taken literally, as in documents without {@code "Version": "2012-10-17"}. */
  static Text literal(String raw) {
    return new Text(raw, null);
  }

  /** {@code raw} with every variable replaced, or null when a variable has no value and no default. */
  static Text substitute(String raw, RequestContext context) {
    int start = raw.indexOf("${");
    if (start < 0) {
      return new Text(raw, null);
    }
    StringBuilder out = new StringBuilder(raw.length());
    BitSet literal = new BitSet();
    int i = 0;
    while (start >= 0) {
      int end = raw.indexOf('}', start);
      if (end < 0) {
        break;
      }
      out.append(raw, i, start);
      String inner = raw.substring(start + 2, end);
      String value = resolve(inner, context);
      if (value == null) {
        return null;
      }
      literal.set(out.length(), out.length() + value.length());
      out.append(value);
      i = end + 1;
      start = raw.indexOf("${", i);
    }
    out.append(raw, i, raw.length());
    return new Text(out.toString(), literal);
  }

  private static String resolve(String inner, RequestContext context) {
    String trimmed = inner.trim();
    if (trimmed.equals("*") || trimmed.equals("?") || trimmed.equals("$")) {
      return trimmed;
    }
    String key = trimmed;
    String fallback = null;
    int comma = trimmed.indexOf(',');
    if (comma >= 0) {
      key = trimmed.substring(0, comma).trim();
      String d = trimmed.substring(comma + 1).trim();
      if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
        fallback = d.substring(1, d.length() - 1);
      }
    }
    List<String> values = context.get(key);
    if (values == null) {
      return fallback;
    }
    // Multivalued keys cannot be policy variables.
    return values.size() == 1 ? values.get(0) : fallback;
  }
}

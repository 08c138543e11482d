package io.tripline.iam.policy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Policy document text as the IAM API returns it: URL-encoded (RFC 3986) JSON. The AWS CLI decodes
 * it; the raw API and the SDKs do not.
 */
public final class PolicyText {

  private PolicyText() {}

  /** Text that is neither JSON nor valid URL-encoding ({@code %ZZ}, a lone {@code %}). */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /**
   * The JSON text of {@code text}: decoded when it is URL-encoded, unchanged when it already is
   * JSON. A {@code +} stays a plus sign (IAM encodes spaces as {@code %20}).
   *
   * @throws MalformedException when a {@code %} is not followed by two hex digits
   */
  public static String decode(String text) throws MalformedException {
    String t = text.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
      return text;
    }
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
        String bad = text.substring(i, Math.min(text.length(), i + 3));
        throw new MalformedException("the policy document text is neither JSON nor URL-encoded JSON: '" + bad
            + "' at character " + (i + 1) + " is not a %XX escape; give the document as a JSON object, or as IAM returns it (URL-encoded)");
      }
      i += 2;
    }
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

package io.tripline.iam.policy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Policy document text as the IAM API returns it: URL-encoded (RFC 3986) JSON. The AWS CLI decodes
 * it; the raw API and the SDKs do not.
 */
public final class PolicyText {

  private PolicyText() {}

  /**
   * The JSON text of {@code text}: decoded when it is URL-encoded, unchanged when it already is
   * JSON. A {@code +} stays a plus sign (IAM encodes spaces as {@code %20}).
   */
  public static String decode(String text) {
    String t = text.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
      return text;
    }
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

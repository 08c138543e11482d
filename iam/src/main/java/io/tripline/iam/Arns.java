package io.tripline.iam;

/** Reads the parts of an ARN ({@code arn:partition:service:region:account:resource}). */
final class Arns {

  private Arns() {}

  /** The account segment of {@code arn}, or null when it has none (S3 buckets, "*", service names). */
  static String account(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
  }

  /** The service prefix of an action ({@code s3} for {@code s3:GetObject}), lower-case. */
  static String service(String action) {
    int colon = action.indexOf(':');
    return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
  }
}

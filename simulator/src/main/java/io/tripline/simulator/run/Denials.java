package io.tripline.simulator.run;

/**
 * The policy-type context AWS puts at the end of an access-denied message ("Troubleshooting access
 * denied error messages", IAM User Guide): {@code because no <type> allows the <action> action} for
 * an implicit deny, {@code with an explicit deny in a <type>} for an explicit one. Each policy type
 * is written the way it most often refuses: nothing allows it in identity policies, permissions
 * boundaries and session policies; a Deny statement in SCPs, RCPs and resource-based policies.
 */
final class Denials {

  private Denials() {}

  static String context(String deniedBy, String iamAction) {
    return switch (deniedBy) {
      case "scp" -> "with an explicit deny in a service control policy";
      case "rcp" -> "with an explicit deny in a resource control policy";
      case "resource" -> "with an explicit deny in a resource-based policy";
      case "boundary" -> "because no permissions boundary allows the " + iamAction + " action";
      case "session" -> "because no session policy allows the " + iamAction + " action";
      default -> "because no identity-based policy allows the " + iamAction + " action";
    };
  }
}

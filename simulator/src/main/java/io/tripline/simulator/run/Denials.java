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
    return context(deniedBy, iamAction, null);
  }

  /**
   * As above, with the kind of deny known (an IAM-aware replay): {@code explicit} true is a Deny
   * statement ({@code with an explicit deny in an identity-based policy}), false nothing allowing
   * it ({@code because no service control policy allows ...}); null the type's usual way.
   */
  static String context(String deniedBy, String iamAction, Boolean explicit) {
    if (explicit != null) {
      String type = switch (deniedBy) {
        case "scp" -> "service control policy";
        case "rcp" -> "resource control policy";
        case "resource" -> "resource-based policy";
        case "boundary" -> "permissions boundary";
        case "session" -> "session policy";
        default -> "identity-based policy";
      };
      String article = type.startsWith("identity") ? "an " : "a ";
      return explicit ? "with an explicit deny in " + article + type : "because no " + type + " allows the " + iamAction + " action";
    }
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

package io.tripline.simulator;

import io.tripline.simulator.access.CallAuthorizer;
import java.util.List;

/**
 * What the account's policies decided for one step's calls in an IAM-aware replay.
 *
 * @param verdict {@code allowed}, {@code denied}, {@code mixed} (some calls of a repeated step each
 *     way), {@code no-permission-needed} (console sign-in, GetCallerIdentity) or {@code not-decided}
 *     (the principal is not in the account data: the step ran as scripted)
 * @param action the IAM action decided
 * @param resource the resource decided
 * @param statements for allowed calls the granting statements, for denied ones the denying statements
 *     (empty for an implicit deny)
 * @param deniedBy the policy type that denied (identity, scp, rcp, resource, boundary, session), or null
 * @param explicit whether the deny was an explicit Deny statement
 * @param reason one sentence from the decision
 * @param allowedCalls calls the policies allowed
 * @param deniedCalls calls the policies denied (written as AccessDenied)
 * @param scripted the outcome the script asked for ({@code success}, {@code denied} or an error code)
 * @param overridden true when the policies denied a call the script meant to succeed (or fail
 *     otherwise): the step's records are denied attempts, and its expectations are judged on them
 */
public record StepAccess(String verdict, String action, String resource, List<CallAuthorizer.Statement> statements,
    String deniedBy, boolean explicit, String reason, int allowedCalls, int deniedCalls, String scripted, boolean overridden) {
  public StepAccess {
    statements = List.copyOf(statements);
  }

  public boolean denied() {
    return deniedCalls > 0;
  }

  /**
   * One line for people: {@code allowed by DeveloperAccess 'DebugWithCloudTrail'}, {@code explicit deny
   * (identity-based policy): DeveloperAccess 'DenyAllExceptMfaSetupWithoutMFA'}, {@code denied: no
   * identity-based policy allows s3:GetObject}, {@code no IAM permission needed}, or why it was not decided.
   */
  public String explanation() {
    String labels = String.join(", ", statementLabels());
    String text = switch (verdict) {
      case "allowed" -> labels.isEmpty() ? "allowed: " + reason : "allowed by " + labels;
      case "denied", "mixed" -> (verdict.equals("mixed") ? deniedCalls + " of " + (deniedCalls + allowedCalls) + " calls " : "")
          + (explicit ? "explicit deny (" + typeName(deniedBy) + ")" + (labels.isEmpty() ? "" : ": " + labels)
              : "denied: no " + typeName(deniedBy) + " allows " + action);
      case "no-permission-needed" -> "no IAM permission needed";
      default -> "not decided: " + reason;
    };
    if (!overridden && scripted != null && !scripted.equals("success") && !verdict.equals("denied")) {
      text += "; the script's outcome (" + scripted + ") kept";
    }
    return text;
  }

  private static String typeName(String deniedBy) {
    return switch (deniedBy == null ? "identity" : deniedBy) {
      case "scp" -> "service control policy";
      case "rcp" -> "resource control policy";
      case "resource" -> "resource-based policy";
      case "boundary" -> "permissions boundary";
      case "session" -> "session policy";
      default -> "identity-based policy";
    };
  }

  /** The statements as short labels ({@code DeveloperAccess 'DebugWithCloudTrail'}), in order, once each. */
  public List<String> statementLabels() {
    return statements.stream().map(CallAuthorizer.Statement::label).distinct().toList();
  }
}

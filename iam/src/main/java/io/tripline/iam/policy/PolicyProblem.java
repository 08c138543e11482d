package io.tripline.iam.policy;

/**
 * Something wrong with a policy document, found where IAM Access Analyzer's policy validation
 * would find it.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending element, relative to the document
 * @param message what is wrong and what to do about it
 * @param severity whether AWS would reject the document ({@code ERROR}) or accept it with a
 *     surprising meaning ({@code WARNING})
 */
public record PolicyProblem(String pointer, String message, Severity severity) {

  /** How serious a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The same problem with its pointer placed under {@code prefix} (a pointer to the document). */
  public PolicyProblem under(String prefix) {
    return new PolicyProblem(prefix + pointer, message, severity);
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}

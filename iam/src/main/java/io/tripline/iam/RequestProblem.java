package io.tripline.iam;

/**
 * Something wrong with a request file.
 *
 * @param pointer JSON pointer (RFC 6901) into the file, for example {@code /3/identityPolicies/0/document/Statement/0/Effect}
 * @param message what is wrong and what to do
 */
public record RequestProblem(String pointer, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}

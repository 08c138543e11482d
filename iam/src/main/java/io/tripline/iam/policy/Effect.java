package io.tripline.iam.policy;

/** A statement's {@code Effect}: exactly {@code Allow} or {@code Deny}, case-sensitive as AWS requires. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String text;

  Effect(String text) {
    this.text = text;
  }

  /** The spelling in a policy document. */
  public String text() {
    return text;
  }
}

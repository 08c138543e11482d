package io.tripline.iam;

/** The outcome AWS reaches for a request. */
public enum Decision {
  ALLOWED("allowed"),
  EXPLICIT_DENY("explicitDeny"),
  IMPLICIT_DENY("implicitDeny");

  private final String text;

  Decision(String text) {
    this.text = text;
  }

  /** The spelling in the JSON output. */
  public String text() {
    return text;
  }
}

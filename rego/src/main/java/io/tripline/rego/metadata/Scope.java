package io.tripline.rego.metadata;

/** Where an annotation applies, as OPA names it. */
public enum Scope {
  RULE("rule"),
  DOCUMENT("document"),
  PACKAGE("package"),
  SUBPACKAGES("subpackages");

  private final String text;

  Scope(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The scope named {@code text}, or null. */
  static Scope of(String text) {
    for (Scope s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    return null;
  }
}

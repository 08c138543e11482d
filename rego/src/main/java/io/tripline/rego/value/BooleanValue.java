package io.tripline.rego.value;

/** {@code true} or {@code false}; false sorts before true. */
public enum BooleanValue implements Value {
  FALSE,
  TRUE;

  public static BooleanValue of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public boolean booleanValue() {
    return this == TRUE;
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public int typeRank() {
    return 1;
  }

  @Override
  public String toString() {
    return this == TRUE ? "true" : "false";
  }
}

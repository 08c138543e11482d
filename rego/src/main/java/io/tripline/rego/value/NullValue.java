package io.tripline.rego.value;

/** The JSON {@code null}. */
public enum NullValue implements Value {
  NULL;

  @Override
  public String typeName() {
    return "null";
  }

  @Override
  public int typeRank() {
    return 0;
  }

  @Override
  public String toString() {
    return "null";
  }
}

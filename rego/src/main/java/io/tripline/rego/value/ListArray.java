package io.tripline.rego.value;

/** An array held in memory. */
final class ListArray extends ArrayValue {
  private final Value[] elements;

  ListArray(Value[] elements) {
    this.elements = elements;
  }

  @Override
  public int size() {
    return elements.length;
  }

  @Override
  public Value get(int i) {
    return elements[i];
  }
}

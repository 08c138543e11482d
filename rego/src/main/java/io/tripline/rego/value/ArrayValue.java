package io.tripline.rego.value;

import java.util.AbstractList;
import java.util.List;

/** An immutable array; either materialised ({@link ListArray}) or a lazy view of JSON. */
public abstract sealed class ArrayValue implements Value permits ListArray, JsonArrayView {
  public static final ArrayValue EMPTY = new ListArray(new Value[0]);

  private int hash;

  public static ArrayValue of(List<? extends Value> values) {
    return values.isEmpty() ? EMPTY : new ListArray(values.toArray(new Value[0]));
  }

  public static ArrayValue of(Value... values) {
    return values.length == 0 ? EMPTY : new ListArray(values.clone());
  }

  public abstract int size();

  /** The element at index i; the caller keeps 0 <= i < size(). */
  public abstract Value get(int i);

  public boolean isEmpty() {
    return size() == 0;
  }

  /** An unmodifiable list view of the elements. */
  public List<Value> asList() {
    return new AbstractList<>() {
      @Override
      public Value get(int index) {
        return ArrayValue.this.get(index);
      }

      @Override
      public int size() {
        return ArrayValue.this.size();
      }
    };
  }

  @Override
  public final String typeName() {
    return "array";
  }

  @Override
  public final int typeRank() {
    return 6;
  }

  @Override
  public final boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof ArrayValue a) || a.size() != size() || a.hashCode() != hashCode()) {
      return false;
    }
    for (int i = 0, n = size(); i < n; i++) {
      if (!get(i).equals(a.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 6;
      for (int i = 0, n = size(); i < n; i++) {
        h = h * 31 + get(i).hashCode();
      }
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public final String toString() {
    return ValueJson.write(this);
  }
}

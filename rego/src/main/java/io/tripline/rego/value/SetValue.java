package io.tripline.rego.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An immutable set; elements iterate in canonical order. */
public final class SetValue implements Value {
  public static final SetValue EMPTY = new SetValue(new HashSet<>());

  private final Set<Value> elements;
  private volatile List<Value> sorted;
  private int hash;

  private SetValue(Set<Value> elements) {
    this.elements = elements;
  }

  public static SetValue of(Collection<? extends Value> values) {
    return values.isEmpty() ? EMPTY : new SetValue(new HashSet<>(values));
  }

  public static SetValue of(Value... values) {
    return of(List.of(values));
  }

  public int size() {
    return elements.size();
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  public boolean contains(Value v) {
    return elements.contains(v);
  }

  /** Elements in canonical order. */
  public List<Value> elements() {
    List<Value> s = sorted;
    if (s == null) {
      List<Value> list = new ArrayList<>(elements);
      list.sort(ValueOrder.INSTANCE);
      s = Collections.unmodifiableList(list);
      sorted = s;
    }
    return s;
  }

  public SetValue union(SetValue o) {
    Set<Value> r = new HashSet<>(elements);
    r.addAll(o.elements);
    return new SetValue(r);
  }

  public SetValue intersect(SetValue o) {
    Set<Value> r = new HashSet<>(elements);
    r.retainAll(o.elements);
    return r.isEmpty() ? EMPTY : new SetValue(r);
  }

  public SetValue difference(SetValue o) {
    Set<Value> r = new HashSet<>(elements);
    r.removeAll(o.elements);
    return r.isEmpty() ? EMPTY : new SetValue(r);
  }

  @Override
  public String typeName() {
    return "set";
  }

  @Override
  public int typeRank() {
    return 8;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof SetValue s && s.size() == size() && s.hashCode() == hashCode() && s.elements.equals(elements));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 8;
      for (Value v : elements) {
        h += v.hashCode();
      }
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    return ValueJson.write(this);
  }
}

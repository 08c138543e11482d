package io.tripline.rego.value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable object with keys of any type. Keys iterate in OPA's canonical order. Either held
 * in memory ({@link MapObject}) or a lazy view of a JSON object ({@link JsonObjectView}).
 */
public abstract sealed class ObjectValue implements Value permits MapObject, JsonObjectView {
  public static final ObjectValue EMPTY = new MapObject(new HashMap<>());

  private int hash;

  /** The value under key, or null when absent. */
  public abstract Value get(Value key);

  public abstract int size();

  /** The keys in canonical order. */
  public abstract List<Value> keys();

  public boolean isEmpty() {
    return size() == 0;
  }

  public Value get(String key) {
    return get(StringValue.of(key));
  }

  /** Entries in canonical key order. */
  public List<Map.Entry<Value, Value>> entries() {
    List<Value> ks = keys();
    List<Map.Entry<Value, Value>> out = new ArrayList<>(ks.size());
    for (Value k : ks) {
      out.add(Map.entry(k, get(k)));
    }
    return out;
  }

  public static ObjectValue of(Map<? extends Value, ? extends Value> map) {
    return map.isEmpty() ? EMPTY : new MapObject(new HashMap<>(map));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Copy with key set to value. */
  public ObjectValue with(Value key, Value value) {
    Builder b = builder();
    for (Value k : keys()) {
      b.put(k, get(k));
    }
    return b.put(key, value).build();
  }

  @Override
  public final String typeName() {
    return "object";
  }

  @Override
  public final int typeRank() {
    return 7;
  }

  @Override
  public final boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof ObjectValue other) || other.size() != size() || other.hashCode() != hashCode()) {
      return false;
    }
    for (Value k : keys()) {
      Value v = other.get(k);
      if (v == null || !v.equals(get(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 7;
      for (Value k : keys()) {
        h += k.hashCode() ^ (get(k).hashCode() * 17);
      }
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public final String toString() {
    return ValueJson.write(this);
  }

  /** Builds an object; later puts of the same key win. */
  public static final class Builder {
    private final Map<Value, Value> map = new LinkedHashMap<>();

    public Builder put(Value key, Value value) {
      map.put(key, value);
      return this;
    }

    public Builder put(String key, Value value) {
      return put(StringValue.of(key), value);
    }

    public Value get(Value key) {
      return map.get(key);
    }

    public int size() {
      return map.size();
    }

    public ObjectValue build() {
      return map.isEmpty() ? EMPTY : new MapObject(new HashMap<>(map));
    }
  }
}

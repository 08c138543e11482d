package io.tripline.rego;

import io.tripline.rego.value.Value;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of several documents for one input, keyed by ref in the order the refs were given;
 * undefined documents are absent. A read-only map over one array, so that building it per record
 * costs one allocation. Documents left out by a rule timeout are listed in {@link #errors()}.
 */
public final class DocumentValues extends AbstractMap<String, Value> {
  private final List<String> refs;
  private final Value[] values;
  /** Per ref, the error that left it out (a rule timeout); null when there is none. */
  private final RegoError[] errors;
  private final boolean noneEvaluated;

  DocumentValues(List<String> refs, Value[] values) {
    this(refs, values, null);
  }

  DocumentValues(List<String> refs, Value[] values, RegoError[] errors) {
    this(refs, values, errors, false);
  }

  DocumentValues(List<String> refs, Value[] values, RegoError[] errors, boolean noneEvaluated) {
    this.refs = refs;
    this.values = values;
    this.errors = errors;
    this.noneEvaluated = noneEvaluated;
  }

  /**
   * Whether the rule index ruled out every rule of every document for this input: nothing was
   * evaluated and each document has its value for "no rule holds" (an empty set, or undefined).
   */
  public boolean noneEvaluated() {
    return noneEvaluated;
  }

  /** The refs left out because their evaluation exceeded the rule timeout, with the error; usually empty. */
  public Map<String, RegoError> errors() {
    if (errors == null) {
      return Map.of();
    }
    Map<String, RegoError> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < errors.length; i++) {
      if (errors[i] != null) {
        out.put(refs.get(i), errors[i]);
      }
    }
    return out;
  }

  /** The value of the {@code i}th ref of {@link PreparedDocuments#refs()} (null: undefined), without a lookup. */
  public Value valueAt(int i) {
    return values[i];
  }

  @Override
  public Value get(Object key) {
    // callers usually look up with the very strings of refs(): compare references first
    for (int i = 0; i < values.length; i++) {
      if (refs.get(i) == key) {
        return values[i];
      }
    }
    int i = refs.indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, Value>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Value>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < values.length && values[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, Value> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Value> e = new SimpleImmutableEntry<>(refs.get(next), values[next]);
            next = advance(next + 1);
            return e;
          }
        };
      }

      @Override
      public int size() {
        int n = 0;
        for (Value v : values) {
          n += v == null ? 0 : 1;
        }
        return n;
      }
    };
  }
}

package io.tripline.rego.value;

import java.util.Comparator;
import java.util.List;

/** OPA's total order over values (ast.Compare): by type rank, then within the type. */
public final class ValueOrder implements Comparator<Value> {
  public static final ValueOrder INSTANCE = new ValueOrder();

  private ValueOrder() {}

  /** Compares two values in OPA's order. */
  public static int order(Value a, Value b) {
    return INSTANCE.compareValues(a, b);
  }

  @Override
  public int compare(Value a, Value b) {
    return compareValues(a, b);
  }

  private int compareValues(Value a, Value b) {
    if (a == b) {
      return 0;
    }
    int ra = a.typeRank();
    int rb = b.typeRank();
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof NumberValue x) {
      return x.compareNumber((NumberValue) b);
    } else if (a instanceof StringValue x) {
      return x.compareString((StringValue) b);
    } else if (a instanceof BooleanValue x) {
      return Boolean.compare(x.booleanValue(), ((BooleanValue) b).booleanValue());
    } else if (a instanceof ArrayValue x) {
      return compareArrays(x, (ArrayValue) b);
    } else if (a instanceof ObjectValue x) {
      return compareObjects(x, (ObjectValue) b);
    } else if (a instanceof SetValue x) {
      return compareLists(x.elements(), ((SetValue) b).elements());
    }
    return 0;
  }

  private int compareArrays(ArrayValue a, ArrayValue b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private int compareLists(List<Value> a, List<Value> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private int compareObjects(ObjectValue a, ObjectValue b) {
    List<Value> ka = a.keys();
    List<Value> kb = b.keys();
    int n = Math.min(ka.size(), kb.size());
    for (int i = 0; i < n; i++) {
      int c = compareValues(ka.get(i), kb.get(i));
      if (c != 0) {
        return c;
      }
      c = compareValues(a.get(ka.get(i)), b.get(kb.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ka.size(), kb.size());
  }
}

package io.tripline.rego.eval;

import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.List;

/**
 * A user-function call: the function and its arguments. Scalars compare by value; objects, arrays
 * and sets by identity, so a key never hashes a whole CloudTrail record: the calls worth caching,
 * {@code f(input)} and {@code g(r)} from many rules on one record, pass the same object each time.
 */
final class CallKey {
  private final RuleNode node;
  private final List<Value> args;
  private final int hash;

  CallKey(RuleNode node, List<Value> args) {
    this.node = node;
    this.args = args;
    int h = System.identityHashCode(node);
    for (Value a : args) {
      h = 31 * h + (composite(a) ? System.identityHashCode(a) : a.hashCode());
    }
    this.hash = h;
  }

  private static boolean composite(Value v) {
    return v instanceof ObjectValue || v instanceof ArrayValue || v instanceof SetValue;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CallKey k) || k.node != node || k.args.size() != args.size()) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      Value a = args.get(i);
      Value b = k.args.get(i);
      if (a != b && (composite(a) || composite(b) || !a.equals(b))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}

package io.tripline.rego.compiler;

import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns composites made only of constants ({@code {"PutBucketPolicy", "PutBucketAcl"}}) into
 * one constant, so evaluation does not rebuild them for every input.
 */
final class ConstantFolding {
  private ConstantFolding() {}

  static Term fold(Term t) {
    if (t instanceof Term.ArrayTerm a) {
      List<Value> vs = constants(a.items());
      return vs == null ? t : new Term.Scalar(ArrayValue.of(vs), a.location());
    }
    if (t instanceof Term.SetTerm s) {
      List<Value> vs = constants(s.items());
      return vs == null ? t : new Term.Scalar(SetValue.of(vs), s.location());
    }
    if (t instanceof Term.ObjectTerm o) {
      List<Value> ks = constants(o.keys());
      List<Value> vs = constants(o.values());
      if (ks == null || vs == null) {
        return t;
      }
      ObjectValue.Builder b = ObjectValue.builder();
      for (int i = 0; i < ks.size(); i++) {
        if (b.get(ks.get(i)) != null && !b.get(ks.get(i)).equals(vs.get(i))) {
          return t; // conflicting duplicate keys: leave the error to evaluation
        }
        b.put(ks.get(i), vs.get(i));
      }
      return new Term.Scalar(b.build(), o.location());
    }
    return t;
  }

  private static List<Value> constants(List<Term> terms) {
    List<Value> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      if (!(t instanceof Term.Scalar s)) {
        return null;
      }
      out.add(s.value());
    }
    return out;
  }
}

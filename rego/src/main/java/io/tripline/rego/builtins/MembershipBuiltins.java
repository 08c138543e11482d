package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;

/** {@code x in xs} and {@code k, v in xs}: OPA's internal.member_2 and internal.member_3. */
final class MembershipBuiltins {
  private MembershipBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("internal.member_2", Signature.of(Type.BOOLEAN, Type.ANY, Type.ANY),
        (c, a) -> Navigation.memberOf(a.get(0), a.get(1)));
    t.function("internal.member_3", Signature.of(Type.BOOLEAN, Type.ANY, Type.ANY, Type.ANY), (c, a) -> {
      if (a.get(2) instanceof SetValue) {
        return BooleanValue.FALSE;
      }
      Value v = Navigation.child(a.get(2), a.get(0));
      return BooleanValue.of(v != null && v.equals(a.get(1)));
    });
  }
}

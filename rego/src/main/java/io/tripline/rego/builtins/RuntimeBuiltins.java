package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;

/**
 * {@code opa.runtime} and {@code trace}. {@code opa.runtime()} returns what the evaluation's
 * {@link BuiltinContext#runtime()} supplies: {@code {}} by default, as OPA does when embedded
 * without a runtime. Tripline never passes the process environment to policies.
 */
final class RuntimeBuiltins {
  private RuntimeBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("opa.runtime", Signature.of(Type.objectOf(Type.STRING, Type.ANY)), (c, a) -> c.runtime());
    // Without a tracer, OPA's trace only succeeds; explanations are not implemented here.
    t.function("trace", Signature.of(Type.BOOLEAN, Type.STRING), (c, a) -> {
      a.string(0);
      return BooleanValue.TRUE;
    });
  }
}

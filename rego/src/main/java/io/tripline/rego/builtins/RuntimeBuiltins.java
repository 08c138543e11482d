package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;

/**
 * {@code opa.runtime} and {@code trace}. The runtime object has OPA's keys; {@code env} is empty
 * on purpose, so a policy cannot read the process environment (secrets, credentials).
 */
final class RuntimeBuiltins {
  private RuntimeBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("opa.runtime", Signature.of(Type.objectOf(Type.STRING, Type.ANY)), (c, a) -> {
      String version = RuntimeBuiltins.class.getPackage().getImplementationVersion();
      return ObjectValue.builder()
          .put("env", ObjectValue.EMPTY)
          .put("version", StringValue.of(version == null ? "dev" : version))
          .put("commit", StringValue.EMPTY)
          .build();
    });
    // Without a tracer, OPA's trace only succeeds; explanations are not implemented here.
    t.function("trace", Signature.of(Type.BOOLEAN, Type.STRING), (c, a) -> {
      a.string(0);
      return BooleanValue.TRUE;
    });
  }
}

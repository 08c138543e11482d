package io.tripline.rego.builtins;

/** {@code rego.metadata.chain} and {@code rego.metadata.rule}: the annotations of the rule being evaluated. */
final class MetadataBuiltins {
  private MetadataBuiltins() {}

  static void register(BuiltinTable.Builder b) {
    b.function("rego.metadata.chain", Signature.of(Type.arrayOf(Type.ANY)), (ctx, args) -> ctx.metadataChain());
    b.function("rego.metadata.rule", Signature.of(Type.ANY), (ctx, args) -> ctx.metadataRule());
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.parser.ParseException;
import io.tripline.rego.parser.RegoParser;

/** {@code rego.parse_module(filename, source)}: the module's AST as OPA's JSON. */
final class ParseModuleBuiltins {
  private ParseModuleBuiltins() {}

  static void register(BuiltinTable.Builder b) {
    b.function("rego.parse_module", Signature.of(Type.objectOf(Type.STRING, Type.ANY), Type.STRING, Type.STRING),
        (ctx, args) -> {
          try {
            return RegoAstJson.module(RegoParser.parseModule(args.string(0), args.string(1)));
          } catch (ParseException e) {
            throw BuiltinException.of("rego.parse_module", "1 error occurred: " + e);
          }
        });
  }
}

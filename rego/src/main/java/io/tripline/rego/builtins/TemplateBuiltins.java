package io.tripline.rego.builtins;

import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;

/**
 * {@code strings.render_template(template, vars)}: Go {@code text/template} rendering with
 * {@code missingkey=error}, so a template naming a variable that is not given fails.
 */
final class TemplateBuiltins {
  private TemplateBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    CompiledCache<String, GoTemplate> templates = new CompiledCache<>(128, GoTemplate::parse);
    t.function("strings.render_template",
        Signature.of(Type.STRING, Type.STRING, Type.objectOf(Type.STRING, Type.ANY)), (c, a) -> {
          String source = a.string(0);
          ObjectValue vars = a.object(1);
          try {
            GoTemplate template = templates.get(source);
            return StringValue.of(GoTemplateExecution.render(template, vars));
          } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
          }
        });
  }
}

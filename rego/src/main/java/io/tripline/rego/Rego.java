package io.tripline.rego;

import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.ast.StackWeight;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.compiler.CompileException;
import io.tripline.rego.compiler.Compiler;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.metadata.AnnotationError;
import io.tripline.rego.metadata.AnnotationSet;
import io.tripline.rego.parser.ParseException;
import io.tripline.rego.parser.RegoParser;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The engine's entry point: compile Rego modules and data once, evaluate many times. */
public final class Rego {
  private Rego() {}

  /** Compiles v1 modules (file name to source) with base data; throws {@link RegoException}. */
  public static PreparedPolicy compile(Map<String, String> modules, Value data) {
    return compile(modules, data, BuiltinTable.standard());
  }

  /** Compiles modules all written in one Rego version ({@code opa --v0-compatible} is {@code V0}). */
  public static PreparedPolicy compile(Map<String, String> modules, Value data, RegoVersion version) {
    return compile(modules, data, BuiltinTable.standard(), file -> version);
  }

  /** Compiles loaded sources, each module in the Rego version {@link PolicySources#regoVersion} gives it. */
  public static PreparedPolicy compile(PolicySources sources) {
    return compile(sources.modules(), sources.data(), BuiltinTable.standard(), sources::regoVersion);
  }

  public static PreparedPolicy compile(Map<String, String> modules, Value data, BuiltinTable builtins) {
    return compile(modules, data, builtins, file -> RegoVersion.V1);
  }

  /** Compiles modules, each parsed in the version {@code versions} gives its file name. */
  public static PreparedPolicy compile(Map<String, String> modules, Value data, BuiltinTable builtins,
      Function<String, RegoVersion> versions) {
    return DeepStack.call(() -> compileHere(modules, data, builtins, versions));
  }

  private static PreparedPolicy compileHere(Map<String, String> modules, Value data, BuiltinTable builtins,
      Function<String, RegoVersion> versions) {
    List<Module> parsed = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    for (Map.Entry<String, String> m : modules.entrySet()) {
      try {
        parsed.add(RegoParser.parseModule(m.getKey(), m.getValue(), versions.apply(m.getKey())));
      } catch (ParseException e) {
        errors.add(new RegoError("rego_parse_error", e.getMessage(), e.location()));
      }
    }
    AnnotationSet annotations = AnnotationSet.of(parsed);
    for (AnnotationError e : annotations.errors()) {
      errors.add(new RegoError(AnnotationError.CODE, e.message(), e.location()));
    }
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
    try {
      RuleNode root = Compiler.compile(parsed, builtins);
      int weight = 0;
      for (Module m : parsed) {
        for (io.tripline.rego.ast.Rule r : m.rules()) {
          weight = Math.max(weight, StackWeight.rule(r));
        }
      }
      return new PreparedPolicy(root, data == null ? ObjectValue.EMPTY : data, builtins, annotations,
          weight > StackWeight.DEEP);
    } catch (CompileException e) {
      throw RegoException.of(e);
    }
  }
}

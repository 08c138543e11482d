package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code glob.match(pattern, delimiters, match)} with OPA's delimiter rules (an empty array means
 * {@code ["."]}, null means none) and {@code glob.quote_meta}.
 */
final class GlobBuiltins {
  private static final List<Integer> DOT = List.of((int) '.');

  private GlobBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    CompiledCache<CacheKey, GoRegex> globs =
        new CompiledCache<>(256, k -> GlobPattern.compile(k.pattern(), k.delimiters()));
    t.function("glob.match",
        Signature.of(Type.BOOLEAN, Type.STRING, Type.anyOf(Type.arrayOf(Type.STRING), Type.NULL), Type.STRING),
        (c, a) -> match(globs, a));
    t.function("glob.quote_meta", Signature.of(Type.STRING, Type.STRING),
        (c, a) -> StringValue.of(GlobPattern.quoteMeta(a.string(0))));
  }

  private static Value match(CompiledCache<CacheKey, GoRegex> globs, Arguments a) {
    String pattern = a.string(0);
    List<Integer> delimiters = delimiters(a);
    String subject = a.string(2);
    try {
      GoRegex re = globs.get(new CacheKey(pattern, delimiters));
      return BooleanValue.of(re.matches(subject));
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  private record CacheKey(String pattern, List<Integer> delimiters) {}

  private static List<Integer> delimiters(Arguments a) {
    Value v = a.get(1);
    if (v instanceof NullValue) {
      return List.of();
    }
    if (!(v instanceof ArrayValue arr)) {
      throw OperandError.oneOf(a, 1, "array", "null");
    }
    if (arr.isEmpty()) {
      return DOT;
    }
    List<Integer> out = new ArrayList<>();
    for (Value e : arr.asList()) {
      if (!(e instanceof StringValue s)) {
        throw OperandError.element(a, 1, "array", "string", e.typeName());
      }
      if (s.value().codePointCount(0, s.value().length()) != 1) {
        throw OperandError.element(a, 1, "array", "rune", "string");
      }
      out.add(s.value().codePointAt(0));
    }
    return out;
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code glob.match(pattern, delimiters, match)} with OPA's delimiter rules (an empty array means
 * {@code ["."]}, null means none) and {@code glob.quote_meta}.
 */
final class GlobBuiltins {
  private static final List<Integer> DOT = List.of((int) '.');

  private GlobBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    CompiledCache<CacheKey, Predicate<String>> globs = new CompiledCache<>(256, GlobBuiltins::compile);
    t.function("glob.match",
        Signature.of(Type.BOOLEAN, Type.STRING, Type.anyOf(Type.arrayOf(Type.STRING), Type.NULL), Type.STRING),
        (c, a) -> match(globs, a));
    t.function("glob.quote_meta", Signature.of(Type.STRING, Type.STRING),
        (c, a) -> StringValue.of(GlobPattern.quoteMeta(a.string(0))));
  }

  /**
   * A matcher for a glob: without delimiters, a pattern of plain characters and stars (the shape of
   * most ARN patterns) is matched directly; everything else through the regular expression
   * gobwas's compiler would build.
   */
  private static Predicate<String> compile(CacheKey k) {
    if (k.delimiters().isEmpty() && plainStars(k.pattern())) {
      String[] parts = k.pattern().split("\\*", -1);
      return s -> starMatch(parts, s);
    }
    GoRegex re = GlobPattern.compile(k.pattern(), k.delimiters());
    return re::matches;
  }

  private static boolean plainStars(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '?' || ch == '[' || ch == ']' || ch == '{' || ch == '}' || ch == '\\' || Character.isSurrogate(ch)) {
        return false;
      }
    }
    return true;
  }

  /** parts: the pattern split at its stars; the first is a prefix, the last a suffix, the rest in order between. */
  static boolean starMatch(String[] parts, String s) {
    if (parts.length == 1) {
      return s.equals(parts[0]);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (s.length() < first.length() + last.length() || !s.startsWith(first) || !s.endsWith(last)) {
      return false;
    }
    int pos = first.length();
    int end = s.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        continue;
      }
      int at = s.indexOf(part, pos);
      if (at < 0 || at + part.length() > end) {
        return false;
      }
      pos = at + part.length();
    }
    return true;
  }

  private static Value match(CompiledCache<CacheKey, Predicate<String>> globs, Arguments a) {
    String pattern = a.string(0);
    List<Integer> delimiters = delimiters(a);
    String subject = a.string(2);
    try {
      return BooleanValue.of(globs.get(new CacheKey(pattern, delimiters)).test(subject));
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

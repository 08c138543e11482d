package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * OPA's regular expression builtins with RE2 semantics (re2j): {@code regex.match} and its
 * deprecated alias {@code re_match}, {@code regex.is_valid}, {@code regex.split},
 * {@code regex.find_n}, {@code regex.find_all_string_submatch_n}, {@code regex.replace},
 * {@code regex.template_match}, {@code regex.globs_match}. Compiled patterns are cached per builtin table.
 */
final class RegexBuiltins {
  private RegexBuiltins() {}

  private static final int CACHE_SIZE = 256;
  private static final int MATCH_CACHE_SIZE = 16_384;
  /** Texts longer than this are matched without remembering the result. */
  private static final int MATCH_CACHE_TEXT = 256;

  private record MatchKey(String pattern, String text) {}

  private static boolean match(CompiledCache<String, GoRegex> regexes, CompiledCache<MatchKey, Boolean> matches,
      Arguments a) {
    GoRegex re = regex(regexes, a, 0);
    String text = a.string(1);
    if (text.length() > MATCH_CACHE_TEXT) {
      return re.matches(text);
    }
    return matches.get(new MatchKey(a.string(0), text));
  }

  static void register(BuiltinTable.Builder t) {
    CompiledCache<String, GoRegex> regexes = new CompiledCache<>(CACHE_SIZE, GoRegex::compile);
    CompiledCache<TemplateKey, GoRegex> templates =
        new CompiledCache<>(CACHE_SIZE, k -> compileTemplate(k.template(), k.start(), k.end()));
    Signature match = Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING);
    // Logs repeat the same few values (addresses, ARNs, keys) under the same patterns: a match is
    // remembered for its pattern and text, which costs far less than running RE2 again.
    CompiledCache<MatchKey, Boolean> matches = new CompiledCache<>(MATCH_CACHE_SIZE,
        k -> regexes.get(k.pattern()).matches(k.text()));
    t.function("regex.match", match, (c, a) -> BooleanValue.of(match(regexes, matches, a)));
    t.function("re_match", match, (c, a) -> BooleanValue.of(match(regexes, matches, a)));
    t.function("regex.is_valid", Signature.of(Type.BOOLEAN, Type.STRING), (c, a) -> {
      if (!(a.get(0) instanceof StringValue s)) {
        return BooleanValue.FALSE;
      }
      try {
        regexes.get(s.value());
        return BooleanValue.TRUE;
      } catch (IllegalArgumentException e) {
        return BooleanValue.FALSE;
      }
    });
    Type strings = Type.arrayOf(Type.STRING);
    t.function("regex.split", Signature.of(strings, Type.STRING, Type.STRING), (c, a) -> {
      a.string(1);
      return StringTransformBuiltins.array(regex(regexes, a, 0).split(a.string(1)));
    });
    t.function("regex.find_n", Signature.of(strings, Type.STRING, Type.STRING, Type.NUMBER), (c, a) -> {
      String s = a.string(1);
      int n = OperandError.integer(a, 2);
      List<String> out = new ArrayList<>();
      for (int[] m : regex(regexes, a, 0).findAll(s, n)) {
        out.add(s.substring(m[0], m[1]));
      }
      return StringTransformBuiltins.array(out);
    });
    t.function("regex.find_all_string_submatch_n",
        Signature.of(Type.arrayOf(strings), Type.STRING, Type.STRING, Type.NUMBER), (c, a) -> {
          String s = a.string(1);
          int n = OperandError.integer(a, 2);
          List<Value> out = new ArrayList<>();
          for (int[] m : regex(regexes, a, 0).findAll(s, n)) {
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < m.length; g += 2) {
              groups.add(m[g] < 0 ? "" : s.substring(m[g], m[g + 1]));
            }
            out.add(StringTransformBuiltins.array(groups));
          }
          return ArrayValue.of(out);
        });
    t.function("regex.replace", Signature.of(Type.STRING, Type.STRING, Type.STRING, Type.STRING), (c, a) -> {
      String s = a.string(0);
      a.string(1);
      String template = a.string(2);
      String out = regex(regexes, a, 1).replaceAll(s, template);
      return out.equals(s) ? a.get(0) : StringValue.of(out);
    });
    t.function("regex.template_match",
        Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING, Type.STRING, Type.STRING),
        (c, a) -> templateMatch(templates, a));
    t.function("regex.globs_match", Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING), (c, a) -> {
      String g1 = a.string(0);
      String g2 = a.string(1);
      try {
        return BooleanValue.of(GlobIntersection.nonEmpty(g1, g2));
      } catch (IllegalArgumentException e) {
        throw a.error(e.getMessage());
      }
    });
  }

  /** Operand i compiled (after the string check of operand 1 as OPA orders them). */
  private static GoRegex regex(CompiledCache<String, GoRegex> regexes, Arguments a, int i) {
    String pattern = a.string(i);
    if (i == 0) {
      a.string(1);
    }
    try {
      return regexes.get(pattern);
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  private static Value templateMatch(CompiledCache<TemplateKey, GoRegex> templates, Arguments a) {
    String template = a.string(0);
    String value = a.string(1);
    String start = a.string(2);
    String end = a.string(3);
    int startLen = start.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (startLen != 1) {
      throw a.error("start delimiter has to be exactly one character long but is " + startLen + " long");
    }
    if (end.getBytes(java.nio.charset.StandardCharsets.UTF_8).length != 1) {
      throw a.error("end delimiter has to be exactly one character long but is " + startLen + " long");
    }
    try {
      GoRegex re = templates.get(new TemplateKey(template, start.charAt(0), end.charAt(0)));
      return BooleanValue.of(re.matches(value));
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  private record TemplateKey(String template, char start, char end) {}

  /** The template as one anchored expression: literal text quoted, delimited parts as groups. */
  private static GoRegex compileTemplate(String tpl, char open, char close) {
    List<Integer> idxs = new ArrayList<>();
    int level = 0;
    int idx = 0;
    for (int i = 0; i < tpl.length(); i++) {
      char ch = tpl.charAt(i);
      if (ch == open) {
        if (++level == 1) {
          idx = i;
        }
      } else if (ch == close) {
        if (--level == 0) {
          idxs.add(idx);
          idxs.add(i + 1);
        } else if (level < 0) {
          throw new IllegalArgumentException("unbalanced braces in " + GoQuote.quote(tpl));
        }
      }
    }
    if (level != 0) {
      throw new IllegalArgumentException("unbalanced braces in " + GoQuote.quote(tpl));
    }
    StringBuilder pattern = new StringBuilder("^");
    int end = 0;
    for (int i = 0; i < idxs.size(); i += 2) {
      String raw = tpl.substring(end, idxs.get(i));
      end = idxs.get(i + 1);
      String part = tpl.substring(idxs.get(i) + 1, end - 1);
      pattern.append(GoRegex.quoteMeta(raw)).append('(').append(part).append(')');
      GoRegex.compile("^" + part + "$");
    }
    pattern.append(GoRegex.quoteMeta(tpl.substring(end))).append('$');
    return GoRegex.compile(pattern.toString());
  }
}

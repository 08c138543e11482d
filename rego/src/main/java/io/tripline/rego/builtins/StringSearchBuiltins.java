package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * OPA's string builtins that look into a string: {@code indexof}, {@code indexof_n},
 * {@code substring}, {@code strings.count}, {@code strings.any_prefix_match},
 * {@code strings.any_suffix_match}. Indexes and lengths count runes (code points), as OPA does.
 */
final class StringSearchBuiltins {
  private StringSearchBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("indexof", Signature.of(Type.NUMBER, Type.STRING, Type.STRING), (c, a) -> {
      List<Integer> at = runeIndexes(a, true);
      return NumberValue.of(at.isEmpty() ? -1 : at.get(0));
    });
    t.function("indexof_n", Signature.of(Type.arrayOf(Type.NUMBER), Type.STRING, Type.STRING), (c, a) -> {
      List<Value> out = new ArrayList<>();
      for (int i : runeIndexes(a, false)) {
        out.add(NumberValue.of(i));
      }
      return ArrayValue.of(out);
    });
    t.function("substring", Signature.of(Type.STRING, Type.STRING, Type.NUMBER, Type.NUMBER),
        StringSearchBuiltins::substring);
    t.function("strings.count", Signature.of(Type.NUMBER, Type.STRING, Type.STRING),
        (c, a) -> NumberValue.of(GoStrings.count(a.string(0), a.string(1))));
    Type strings = Type.anyOf(Type.STRING, Type.setOf(Type.STRING), Type.arrayOf(Type.STRING));
    Signature match = Signature.of(Type.BOOLEAN, strings, strings);
    t.function("strings.any_prefix_match", match, (c, a) -> anyMatch(a, false));
    t.function("strings.any_suffix_match", match, (c, a) -> anyMatch(a, true));
  }

  /** Rune positions where operand 2 occurs in operand 1 (overlapping); only the first when asked. */
  private static List<Integer> runeIndexes(Arguments a, boolean firstOnly) {
    String base = a.string(0);
    String search = a.string(1);
    if (search.isEmpty()) {
      throw a.error("empty search character");
    }
    List<Integer> out = new ArrayList<>();
    int rune = 0;
    for (int i = 0; i < base.length(); i += Character.charCount(base.codePointAt(i)), rune++) {
      if (base.startsWith(search, i)) {
        out.add(rune);
        if (firstOnly) {
          break;
        }
      }
    }
    return out;
  }

  private static Value substring(BuiltinContext c, Arguments a) {
    String base = a.string(0);
    int start = OperandError.integer(a, 1);
    int length = OperandError.integer(a, 2);
    if (start < 0) {
      throw a.error("negative offset");
    }
    int runes = base.codePointCount(0, base.length());
    if (start >= runes) {
      return StringValue.EMPTY;
    }
    int from = base.offsetByCodePoints(0, start);
    if (length < 0 || (long) start + length >= runes) {
      return start == 0 ? a.get(0) : StringValue.of(base.substring(from));
    }
    return StringValue.of(base.substring(from, base.offsetByCodePoints(from, length)));
  }

  private static Value anyMatch(Arguments a, boolean suffix) {
    List<String> search = strings(a, 0);
    List<String> base = strings(a, 1);
    for (String s : search) {
      for (String b : base) {
        if (suffix ? s.endsWith(b) : s.startsWith(b)) {
          return BooleanValue.TRUE;
        }
      }
    }
    return BooleanValue.FALSE;
  }

  /** A string, or the strings of an array or set, failing with OPA's messages. */
  private static List<String> strings(Arguments a, int i) {
    Value v = a.get(i);
    if (v instanceof StringValue s) {
      return List.of(s.value());
    }
    List<Value> elements;
    if (v instanceof ArrayValue arr) {
      elements = arr.asList();
    } else if (v instanceof SetValue set) {
      elements = set.elements();
    } else {
      throw OperandError.oneOf(a, i, "string", "set", "array");
    }
    List<String> out = new ArrayList<>(elements.size());
    for (Value e : elements) {
      if (!(e instanceof StringValue s)) {
        throw OperandError.element(a, i, v.typeName(), "string", e.typeName());
      }
      out.add(s.value());
    }
    return out;
  }
}

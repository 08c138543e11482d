package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OPA's string builtins that build a new string: {@code lower}, {@code upper}, {@code trim*},
 * {@code replace}, {@code strings.replace_n}, {@code strings.reverse}, {@code split},
 * {@code strings.split_n}, {@code format_int}.
 */
final class StringTransformBuiltins {
  private StringTransformBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature unary = Signature.of(Type.STRING, Type.STRING);
    Signature binary = Signature.of(Type.STRING, Type.STRING, Type.STRING);
    t.function("lower", unary, (c, a) -> same(a, GoStrings.mapCase(a.string(0), false)));
    t.function("upper", unary, (c, a) -> same(a, GoStrings.mapCase(a.string(0), true)));
    t.function("strings.reverse", unary, (c, a) -> StringValue.of(GoStrings.reverse(a.string(0))));
    t.function("trim_space", unary, (c, a) -> same(a, GoStrings.trimSpace(a.string(0))));
    t.function("trim", binary, (c, a) -> same(a, GoStrings.trim(a.string(0), a.string(1), true, true)));
    t.function("trim_left", binary, (c, a) -> same(a, GoStrings.trim(a.string(0), a.string(1), true, false)));
    t.function("trim_right", binary, (c, a) -> same(a, GoStrings.trim(a.string(0), a.string(1), false, true)));
    t.function("trim_prefix", binary, (c, a) -> {
      String s = a.string(0);
      String prefix = a.string(1);
      return s.startsWith(prefix) ? StringValue.of(s.substring(prefix.length())) : a.get(0);
    });
    t.function("trim_suffix", binary, (c, a) -> {
      String s = a.string(0);
      String suffix = a.string(1);
      return s.endsWith(suffix) ? StringValue.of(s.substring(0, s.length() - suffix.length())) : a.get(0);
    });
    t.function("replace", Signature.of(Type.STRING, Type.STRING, Type.STRING, Type.STRING), (c, a) -> {
      String s = a.string(0);
      List<String[]> pairs = new ArrayList<>();
      pairs.add(new String[] {a.string(1), a.string(2)});
      return same(a, GoStrings.replace(s, pairs));
    });
    t.function("strings.replace_n",
        Signature.of(Type.STRING, Type.objectOf(Type.STRING, Type.STRING), Type.STRING),
        StringTransformBuiltins::replaceN);
    Type strings = Type.arrayOf(Type.STRING);
    t.function("split", Signature.of(strings, Type.STRING, Type.STRING),
        (c, a) -> array(GoStrings.split(a.string(0), a.string(1))));
    t.function("strings.split_n", Signature.of(strings, Type.STRING, Type.STRING, Type.NUMBER),
        StringTransformBuiltins::splitN);
    t.function("format_int", Signature.of(Type.STRING, Type.NUMBER, Type.NUMBER),
        StringTransformBuiltins::formatInt);
  }

  /** The operand itself when the result did not change, as OPA returns it. */
  private static Value same(Arguments a, String result) {
    return result.equals(a.string(0)) ? a.get(0) : StringValue.of(result);
  }

  static ArrayValue array(List<String> parts) {
    Value[] out = new Value[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = StringValue.of(parts.get(i));
    }
    return ArrayValue.of(out);
  }

  private static Value replaceN(BuiltinContext c, Arguments a) {
    var patterns = a.object(0);
    String s = a.string(1);
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<Value, Value> e : patterns.entries()) {
      if (!(e.getKey() instanceof StringValue k)) {
        throw OperandError.of(a, 0, "non-string key found in pattern object");
      }
      if (!(e.getValue() instanceof StringValue v)) {
        throw OperandError.of(a, 0, "non-string value found in pattern object");
      }
      pairs.add(new String[] {k.value(), v.value()});
    }
    return StringValue.of(GoStrings.replace(s, pairs));
  }

  private static Value splitN(BuiltinContext c, Arguments a) {
    String s = a.string(0);
    String sep = a.string(1);
    int n = OperandError.integer(a, 2);
    List<String> parts = GoStrings.split(s, sep);
    if (n >= 0) {
      return array(parts.subList(0, Math.min(n, parts.size())));
    }
    return array(parts.subList(Math.max(0, parts.size() + n), parts.size()));
  }

  private static Value formatInt(BuiltinContext c, Arguments a) {
    NumberValue input = a.number(0);
    NumberValue base = a.number(1);
    int radix = base.isLong() ? (int) base.longValue() : 0;
    if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
      throw OperandError.of(a, 1, "must be one of {2, 8, 10, 16}");
    }
    BigInteger i = input.isInteger() ? input.toBigInteger() : truncate(input.toBigDecimal());
    return StringValue.of(i.toString(radix));
  }

  private static BigInteger truncate(BigDecimal d) {
    return d.toBigInteger();
  }
}

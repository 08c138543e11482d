package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code to_number}: null and false are 0, true is 1, strings parse as Go's {@code strconv.ParseFloat}. */
final class ConversionBuiltins {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private ConversionBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("to_number",
        Signature.of(Type.NUMBER, Type.anyOf(Type.NUMBER, Type.STRING, Type.BOOLEAN, Type.NULL)),
        ConversionBuiltins::toNumber);
  }

  private static Value toNumber(BuiltinContext c, Arguments a) {
    Value v = a.get(0);
    if (v instanceof NullValue) {
      return NumberValue.ZERO;
    } else if (v instanceof BooleanValue b) {
      return b.booleanValue() ? NumberValue.ONE : NumberValue.ZERO;
    } else if (v instanceof NumberValue) {
      return v;
    } else if (v instanceof StringValue s) {
      String text = s.value();
      String word = text.replaceFirst("^[+-]+", "").toLowerCase(Locale.ROOT);
      if (word.equals("inf") || word.equals("infinity") || word.equals("nan")) {
        throw a.typeError(0, "valid number string");
      }
      if (!DECIMAL.matcher(text).matches()) {
        throw a.error("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": invalid syntax");
      }
      BigDecimal d = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
      if (d.abs().compareTo(new BigDecimal(Double.MAX_VALUE)) > 0) {
        throw a.error("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": value out of range");
      }
      return NumberValue.of(d);
    }
    throw OperandError.oneOf(a, 0, "null", "boolean", "number", "string");
  }
}

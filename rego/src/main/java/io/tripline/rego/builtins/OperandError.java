package io.tripline.rego.builtins;

/**
 * Operand errors in OPA's own words ({@code name: operand N <text>}), reported with code
 * {@code eval_type_error} as OPA reports every operand error.
 */
final class OperandError {
  private OperandError() {}

  /** {@code name: operand N <text>}. */
  static BuiltinException of(Arguments a, int i, String text) {
    return new BuiltinException(BuiltinException.TYPE_ERROR, a.builtin() + ": operand " + (i + 1) + " " + text);
  }

  /** {@code name: operand N must be one of {a, b} but got t}, options in the order given (unsorted, as OPA). */
  static BuiltinException oneOf(Arguments a, int i, String... options) {
    return of(a, i, "must be one of {" + String.join(", ", options) + "} but got " + a.get(i).typeName());
  }

  /** {@code name: operand N must be array of strings but got array containing number}. */
  static BuiltinException element(Arguments a, int i, String composite, String expected, String got) {
    return of(a, i, "must be " + composite + " of " + expected + "s but got " + composite + " containing " + got);
  }

  /** An integer operand, failing as OPA's IntOperand does. */
  static int integer(Arguments a, int i) {
    Integer v = a.number(i).intValueExact();
    if (v == null) {
      throw of(a, i, "must be integer number but got floating-point number");
    }
    return v;
  }
}

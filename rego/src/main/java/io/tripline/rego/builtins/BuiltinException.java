package io.tripline.rego.builtins;

/**
 * A builtin failed, as OPA reports it: {@code eval_type_error} for an operand of the wrong type,
 * {@code eval_builtin_error} otherwise. By default the evaluator makes the expression undefined;
 * with strict builtin errors it stops evaluation with this message.
 */
public final class BuiltinException extends RuntimeException {
  public static final String TYPE_ERROR = "eval_type_error";
  public static final String BUILTIN_ERROR = "eval_builtin_error";

  private final String code;

  public BuiltinException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** {@code name: operand 2 must be number but got set}. */
  public static BuiltinException operandType(String builtin, int position, String expected, String got) {
    return new BuiltinException(
        TYPE_ERROR, builtin + ": operand " + position + " must be " + expected + " but got " + got);
  }

  /** {@code name: message} with code eval_builtin_error. */
  public static BuiltinException of(String builtin, String message) {
    return new BuiltinException(BUILTIN_ERROR, builtin + ": " + message);
  }

  public String code() {
    return code;
  }
}

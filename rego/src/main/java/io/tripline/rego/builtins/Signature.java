package io.tripline.rego.builtins;

import java.util.List;

/**
 * Operand and result types of a builtin. The compiler checks call arity against it; a call may
 * pass one extra operand, which receives the result ({@code count(x, n)}).
 */
public record Signature(List<Type> operands, Type result, boolean variadic) {

  public static Signature of(Type result, Type... operands) {
    return new Signature(List.of(operands), result, false);
  }

  /** Any number of operands of the given type (like {@code print}). */
  public static Signature variadic(Type result, Type operand) {
    return new Signature(List.of(operand), result, true);
  }

  public int arity() {
    return operands.size();
  }
}

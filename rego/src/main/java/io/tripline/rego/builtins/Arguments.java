package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;

/**
 * The operand values of one builtin call, with typed accessors that fail as OPA does
 * ({@code name: operand N must be T but got U}). Positions are 0-based here, 1-based in messages.
 */
public record Arguments(String builtin, List<Value> values) {

  public int size() {
    return values.size();
  }

  public Value get(int i) {
    return values.get(i);
  }

  public NumberValue number(int i) {
    if (values.get(i) instanceof NumberValue n) {
      return n;
    }
    throw typeError(i, "number");
  }

  public String string(int i) {
    if (values.get(i) instanceof StringValue s) {
      return s.value();
    }
    throw typeError(i, "string");
  }

  public ArrayValue array(int i) {
    if (values.get(i) instanceof ArrayValue a) {
      return a;
    }
    throw typeError(i, "array");
  }

  public SetValue set(int i) {
    if (values.get(i) instanceof SetValue s) {
      return s;
    }
    throw typeError(i, "set");
  }

  public ObjectValue object(int i) {
    if (values.get(i) instanceof ObjectValue o) {
      return o;
    }
    throw typeError(i, "object");
  }

  /** An integer operand that fits an int. */
  public int integer(int i) {
    NumberValue n = number(i);
    Integer v = n.intValueExact();
    if (v == null) {
      throw new BuiltinException(BuiltinException.TYPE_ERROR,
          builtin + ": operand " + (i + 1) + " must be integer number but got floating-point number");
    }
    return v;
  }

  /** An integer operand of any size, failing as OPA's BigIntOperand does. */
  public java.math.BigInteger bigInteger(int i) {
    if (!(values.get(i) instanceof NumberValue n)) {
      throw typeError(i, "integer");
    }
    if (!n.isInteger()) {
      throw new BuiltinException(BuiltinException.TYPE_ERROR,
          builtin + ": operand " + (i + 1) + " must be integer number but got floating-point number");
    }
    return n.toBigInteger();
  }

  /** The type error for operand i, expected being OPA's description ("number", "one of {...}"). */
  public BuiltinException typeError(int i, String expected) {
    return BuiltinException.operandType(builtin, i + 1, expected, values.get(i).typeName());
  }

  /** A builtin error for this call. */
  public BuiltinException error(String message) {
    return BuiltinException.of(builtin, message);
  }
}

package io.tripline.rego.builtins;

import io.tripline.rego.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One builtin: its name as Rego code calls it ({@code "count"}, {@code "object.get"}), its
 * signature, and its implementation. Create with {@link #function} or {@link #relation}.
 */
public final class Builtin {
  private final String name;
  private final Signature signature;
  private final Implementation function;
  private final RelationImplementation relation;

  private Builtin(String name, Signature signature, Implementation function, RelationImplementation relation) {
    this.name = Objects.requireNonNull(name);
    this.signature = Objects.requireNonNull(signature);
    this.function = function;
    this.relation = relation;
  }

  public static Builtin function(String name, Signature signature, Implementation impl) {
    return new Builtin(name, signature, impl, null);
  }

  public static Builtin relation(String name, Signature signature, RelationImplementation impl) {
    return new Builtin(name, signature, null, impl);
  }

  public String name() {
    return name;
  }

  public Signature signature() {
    return signature;
  }

  public boolean isRelation() {
    return relation != null;
  }

  /** Calls a function builtin; null means undefined. Throws {@link BuiltinException} on error. */
  public Value call(BuiltinContext ctx, List<Value> operands) {
    Arguments args = new Arguments(name, operands);
    if (function != null) {
      return function.apply(ctx, args);
    }
    Value[] first = new Value[1];
    relation.each(ctx, args, v -> {
      first[0] = v;
      return false;
    });
    return first[0];
  }

  /** Calls the builtin, passing every result to out until it returns false. */
  public void each(BuiltinContext ctx, List<Value> operands, Predicate<Value> out) {
    Arguments args = new Arguments(name, operands);
    if (function != null) {
      Value v = function.apply(ctx, args);
      if (v != null) {
        out.test(v);
      }
    } else {
      relation.each(ctx, args, out);
    }
  }

  @Override
  public String toString() {
    return name + "/" + signature.arity();
  }
}

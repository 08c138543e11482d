package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.List;
import java.util.stream.Collectors;

/** The type of a builtin operand or result, as in OPA's builtin signatures. */
public sealed interface Type {
  Type ANY = new Any();
  Type NULL = new Named("null");
  Type BOOLEAN = new Named("boolean");
  Type NUMBER = new Named("number");
  Type STRING = new Named("string");
  Type ARRAY = new ArrayOf(ANY);
  Type SET = new SetOf(ANY);
  Type OBJECT = new ObjectOf(ANY, ANY);

  /** Whether a value has this type. */
  boolean accepts(Value v);

  /** How OPA names the type in error messages. */
  String describe();

  static Type anyOf(Type... types) {
    return new AnyOf(List.of(types));
  }

  static Type arrayOf(Type element) {
    return new ArrayOf(element);
  }

  static Type setOf(Type element) {
    return new SetOf(element);
  }

  static Type objectOf(Type key, Type value) {
    return new ObjectOf(key, value);
  }

  /** An array with a fixed type per position, like OPA's static array types ([header, payload, sig]). */
  static Type tupleOf(Type... elements) {
    return new Tuple(List.of(elements));
  }

  /** Any value. */
  record Any() implements Type {
    @Override
    public boolean accepts(Value v) {
      return true;
    }

    @Override
    public String describe() {
      return "any";
    }
  }

  /** A scalar type by OPA type name. */
  record Named(String name) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.typeName().equals(name);
    }

    @Override
    public String describe() {
      return name;
    }
  }

  /** An array whose elements have the given type (checked shallowly). */
  record ArrayOf(Type element) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v instanceof ArrayValue;
    }

    @Override
    public String describe() {
      return "array";
    }
  }

  /** An array whose element types are fixed by position (checked shallowly). */
  record Tuple(List<Type> elements) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v instanceof ArrayValue;
    }

    @Override
    public String describe() {
      return "array";
    }
  }

  /** A set. */
  record SetOf(Type element) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v instanceof SetValue;
    }

    @Override
    public String describe() {
      return "set";
    }
  }

  /** An object. */
  record ObjectOf(Type key, Type value) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v instanceof ObjectValue;
    }

    @Override
    public String describe() {
      return "object";
    }
  }

  /** One of several types, described as OPA does: {@code one of {array, set}}. */
  record AnyOf(List<Type> options) implements Type {
    @Override
    public boolean accepts(Value v) {
      return options.stream().anyMatch(t -> t.accepts(v));
    }

    @Override
    public String describe() {
      return "one of {"
          + options.stream().map(Type::describe).sorted().distinct().collect(Collectors.joining(", "))
          + "}";
    }
  }
}

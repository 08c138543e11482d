package io.tripline.rego.ast;

import io.tripline.rego.value.Value;
import java.util.List;

/** A Rego term: a scalar, variable, reference, composite, comprehension or call. */
public sealed interface Term extends Node {

  /** A constant: null, boolean, number, string, or a composite of constants folded by the compiler. */
  record Scalar(Value value, Location location) implements Term {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A variable. Wildcards ({@code _}) get unique names starting with {@code $}. */
  record Var(String name, Location location) implements Term {
    public boolean isWildcard() {
      return name.startsWith("$");
    }

    public boolean isGenerated() {
      return name.startsWith("$");
    }

    @Override
    public String toString() {
      return isWildcard() ? "_" : name;
    }
  }

  /** A reference: a head (variable, composite or call) followed by path terms ({@code a.b[c]}). */
  record Ref(Term head, List<Term> path, Location location) implements Term {
    /** The name of a ref made of a variable and constant strings: {@code data.a.b}. */
    public String dotted() {
      StringBuilder sb = new StringBuilder(head.toString());
      for (Term t : path) {
        if (t instanceof Scalar s && s.value() instanceof io.tripline.rego.value.StringValue str) {
          sb.append('.').append(str.value());
        } else {
          sb.append('[').append(t).append(']');
        }
      }
      return sb.toString();
    }

    @Override
    public String toString() {
      return dotted();
    }
  }

  /** {@code [a, b]}. */
  record ArrayTerm(List<Term> items, Location location) implements Term {}

  /** {@code {a, b}}; the empty set is {@code set()}. */
  record SetTerm(List<Term> items, Location location) implements Term {}

  /** {@code {k: v, ...}}. */
  record ObjectTerm(List<Term> keys, List<Term> values, Location location) implements Term {}

  /** {@code [head | body]}. */
  record ArrayComprehension(Term head, Body body, Location location) implements Term {}

  /** {@code {head | body}}. */
  record SetComprehension(Term head, Body body, Location location) implements Term {}

  /** {@code {key: value | body}}. */
  record ObjectComprehension(Term key, Term value, Body body, Location location) implements Term {}

  /**
   * A call of a builtin or user function. {@code operator} names it as written ({@code count},
   * {@code object.get}, {@code data.lib.f}); the compiler resolves it. The evaluator caches
   * what the name refers to on the node ({@link #target()}), since a compiled tree never changes.
   */
  final class Call implements Term {
    private final Ref operator;
    private final List<Term> args;
    private final Location location;
    private final String name;
    private volatile Object target;

    public Call(Ref operator, List<Term> args, Location location) {
      this.operator = operator;
      this.args = List.copyOf(args);
      this.location = location;
      this.name = operator.dotted();
    }

    public Ref operator() {
      return operator;
    }

    public List<Term> args() {
      return args;
    }

    @Override
    public Location location() {
      return location;
    }

    /** The operator's dotted name, computed once. */
    public String name() {
      return name;
    }

    /** What the evaluator resolved the operator to (a builtin or a rule node), or null. */
    public Object target() {
      return target;
    }

    public void target(Object resolved) {
      this.target = resolved;
    }

    @Override
    public String toString() {
      return name + "(" + args + ")";
    }
  }
}

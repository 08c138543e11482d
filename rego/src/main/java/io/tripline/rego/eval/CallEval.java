package io.tripline.rego.eval;

import io.tripline.rego.ast.Term;
import io.tripline.rego.builtins.Builtin;
import io.tripline.rego.builtins.BuiltinException;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueText;
import java.util.Arrays;
import java.util.List;

/**
 * Calls: user functions and builtins, {@code with} mocks of either, {@code print}, and the
 * extra output argument form ({@code count(xs, n)}). Builtin errors make the call undefined,
 * unless strict builtin errors are on.
 */
final class CallEval {
  private final Evaluation ev;

  CallEval(Evaluation ev) {
    this.ev = ev;
  }

  private static final Object UNKNOWN = new Object();

  /** The callee as compiled: a function's rule node, a builtin, or UNKNOWN; cached on the call. */
  private Object target(Term.Call c) {
    Object t = c.target();
    if (t == null) {
      RuleNode node = functionNode(c.operator());
      t = node != null ? node : ev.builtins.get(c.name());
      if (t == null) {
        t = UNKNOWN;
      }
      c.target(t);
    }
    return t;
  }

  /** Declared number of arguments of the callee, or -1 when unknown or variadic. */
  int arity(Term.Call c) {
    Object t = target(c);
    if (t instanceof RuleNode node) {
      return node.functionArity();
    }
    if (t instanceof Builtin b) {
      return b.signature().variadic() ? -1 : b.signature().arity();
    }
    return -1;
  }

  boolean hasOutputArg(Term.Call c) {
    int a = arity(c);
    return a >= 0 && c.args().size() == a + 1;
  }

  boolean call(Term.Call c, Bindings b, ValueSink k) {
    if (c.name().equals("print")) {
      return print(c, b, k);
    }
    if (c.name().equals("internal.template_string")) {
      return ev.terms.eval(c.args().get(0), b, parts -> k.accept(template((io.tripline.rego.value.ArrayValue) parts, c)));
    }
    return ev.terms.list(c.args(), 0, new Value[c.args().size()], b, args -> invoke(c, args, k));
  }

  boolean callWithOutput(Term.Call c, Bindings b, Next k) {
    List<Term> inputs = c.args().subList(0, c.args().size() - 1);
    Term out = c.args().get(c.args().size() - 1);
    return ev.terms.list(inputs, 0, new Value[inputs.size()], b,
        args -> invoke(c, args, v -> ev.unifier.unifyValue(out, v, b, k)));
  }

  private boolean invoke(Term.Call c, Value[] args, ValueSink k) {
    String name = c.name();
    Object target = target(c);
    WithScope.FunctionMock mock = ev.scope.mocks.isEmpty() ? null : ev.scope.mocks.get(name);
    if (mock != null) {
      if (mock.value() != null) {
        return k.accept(mock.value());
      }
      name = mock.function();
      target = name.startsWith("data.") ? nodeAt(name) : ev.builtins.get(name);
    }
    if (target instanceof RuleNode node) {
      Value v;
      if (mock != null) {
        // a mock runs with no mocks in effect, so it can call the original
        WithScope outer = ev.scope;
        ev.scope = new WithScope(outer.input, outer.data, outer.dataOverrides, java.util.Map.of());
        try {
          v = ev.rules.call(node, Arrays.asList(args), c.location());
        } finally {
          ev.scope = outer;
        }
      } else {
        v = ev.rules.call(node, Arrays.asList(args), c.location());
      }
      return v == null || k.accept(v);
    }
    if (name.startsWith("data.")) {
      return true;
    }
    Builtin builtin = target instanceof Builtin b ? b : null;
    if (builtin == null) {
      throw new EvalException("eval_type_error", "undefined function " + name, c.location());
    }
    boolean[] inContinuation = {false};
    try {
      boolean[] cont = {true};
      builtin.each(ev, Arrays.asList(args), v -> {
        inContinuation[0] = true; // stays set if the rest of the body throws: not this builtin's error
        cont[0] = k.accept(v);
        inContinuation[0] = false;
        return cont[0];
      });
      return cont[0];
    } catch (BuiltinException e) {
      if (inContinuation[0]) {
        throw e;
      }
      if (ev.strict) {
        throw new EvalException(e.code(), e.getMessage(), c.location());
      }
      return true;
    } catch (ArithmeticException | IllegalArgumentException | java.time.DateTimeException
        | IndexOutOfBoundsException | UnsupportedOperationException e) {
      // a Java library refusing an operand (a malformed number, an out-of-range date) is the builtin's error
      if (inContinuation[0]) {
        throw e;
      }
      if (ev.strict) {
        String why = e.getMessage() == null ? "invalid operand" : e.getMessage();
        throw new EvalException("eval_builtin_error", name + ": " + why, c.location());
      }
      return true;
    }
  }

  private boolean print(Term.Call c, Bindings b, ValueSink k) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.args().size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      Value v = ev.terms.firstValue(c.args().get(i), b);
      if (v == null) {
        sb.append("<undefined>");
      } else if (v instanceof StringValue s) {
        sb.append(s.value());
      } else {
        sb.append(ValueText.of(v));
      }
    }
    ev.print(sb.toString());
    return k.accept(BooleanValue.TRUE);
  }

  /** Renders a template string: literal strings as they are, each interpolated set's single value. */
  private Value template(io.tripline.rego.value.ArrayValue parts, Term.Call c) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      Value p = parts.get(i);
      if (p instanceof StringValue s) {
        sb.append(s.value());
        continue;
      }
      io.tripline.rego.value.SetValue set = (io.tripline.rego.value.SetValue) p;
      if (set.isEmpty()) {
        sb.append("<undefined>");
      } else if (set.size() > 1) {
        throw new EvalException("eval_conflict_error", "template-strings must not produce multiple outputs", c.location());
      } else {
        Value v = set.elements().get(0);
        sb.append(v instanceof StringValue s ? s.value() : ValueText.of(v));
      }
    }
    return StringValue.of(sb.toString());
  }

  private RuleNode functionNode(Term.Ref op) {
    if (!(op.head() instanceof Term.Var v) || !v.name().equals("data")) {
      return null;
    }
    RuleNode n = ev.root;
    for (Term p : op.path()) {
      if (n == null || !(p instanceof Term.Scalar s && s.value() instanceof StringValue str)) {
        return null;
      }
      n = n.child(str.value());
    }
    return n != null && n.isFunction() ? n : null;
  }

  private RuleNode nodeAt(String dotted) {
    RuleNode n = ev.root;
    for (String s : dotted.substring("data.".length()).split("\\.")) {
      if (n == null) {
        return null;
      }
      n = n.child(s);
    }
    return n != null && n.isFunction() ? n : null;
  }
}

package io.tripline.rego.compiler;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.TermWalk;
import io.tripline.rego.builtins.Builtin;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.value.StringValue;
import java.util.List;
import java.util.function.Consumer;

/** Type checks OPA does on calls: the callee exists and gets as many arguments as it takes. */
final class CallCheck {
  private final RuleNode root;
  private final BuiltinTable builtins;
  private final List<CompileError> errors;

  CallCheck(RuleNode root, BuiltinTable builtins, List<CompileError> errors) {
    this.root = root;
    this.builtins = builtins;
    this.errors = errors;
  }

  void body(Body b) {
    TermWalk.body(b, t -> {
      if (t instanceof Term.Call c) {
        check(c);
      }
    });
  }

  /**
   * OPA 1.x's check on v1 modules: a call of a builtin kept for v0 only ({@code any}, {@code cast_array},
   * ...) is {@code deprecated built-in function calls in expression: any}.
   */
  static void deprecated(Rule r, List<CompileError> errors) {
    Consumer<Term> visit = t -> {
      if (t instanceof Term.Call c && BuiltinTable.v0Only(c.operator().dotted())) {
        errors.add(new CompileError(c.location(), "rego_type_error",
            "deprecated built-in function calls in expression: " + c.operator().dotted()));
      }
    };
    TermWalk.body(r.body(), visit);
    TermWalk.term(r.value(), visit);
    if (r.key() != null) {
      TermWalk.term(r.key(), visit);
    }
    for (ElseClause e : r.elses()) {
      TermWalk.body(e.body(), visit);
      TermWalk.term(e.value(), visit);
    }
  }

  private void check(Term.Call c) {
    Term.Ref op = c.operator();
    int n = c.args().size();
    if (op.head() instanceof Term.Var v && v.name().equals("data")) {
      RuleNode node = root;
      for (Term p : op.path()) {
        if (node == null || !(p instanceof Term.Scalar s && s.value() instanceof StringValue str)) {
          node = null;
          break;
        }
        node = node.child(str.value());
      }
      if (node == null || !node.hasRules()) {
        errors.add(new CompileError(c.location(), "rego_type_error", "undefined function " + op.dotted()));
      } else if (node.isFunction()) {
        arity(c, op.dotted(), node.functionArity(), n);
      }
      return;
    }
    Builtin b = builtins.get(op.dotted());
    if (b == null || b.signature().variadic()) {
      return;
    }
    arity(c, op.dotted(), b.signature().arity(), n);
  }

  private void arity(Term.Call c, String name, int want, int have) {
    if (have > want + 1) {
      errors.add(new CompileError(c.location(), "rego_type_error", name + ": too many arguments"));
    } else if (have < want) {
      errors.add(new CompileError(c.location(), "rego_type_error", name + ": too few arguments"));
    }
  }
}

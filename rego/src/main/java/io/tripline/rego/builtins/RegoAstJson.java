package io.tripline.rego.builtins;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Import;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed module as the value {@code rego.parse_module} returns: OPA's AST JSON without
 * locations ({@code package}, {@code imports}, {@code rules} with {@code head} and
 * {@code body}; terms as {@code {"type", "value"}}; expressions as {@code {"index", "terms"}}).
 */
final class RegoAstJson {
  private RegoAstJson() {}

  static Value module(Module m) {
    ObjectValue.Builder b = ObjectValue.builder();
    b.put("package", ObjectValue.builder().put("path", refPath(m.packagePath())).build());
    if (!m.imports().isEmpty()) {
      List<Value> imports = new ArrayList<>();
      for (Import i : m.imports()) {
        ObjectValue.Builder ib = ObjectValue.builder().put("path", term(i.path()));
        if (i.alias() != null) {
          ib.put("alias", StringValue.of(i.alias()));
        }
        imports.add(ib.build());
      }
      b.put("imports", ArrayValue.of(imports));
    }
    List<Value> rules = new ArrayList<>();
    for (Rule r : m.rules()) {
      rules.add(rule(r));
    }
    if (!rules.isEmpty()) {
      b.put("rules", ArrayValue.of(rules));
    }
    return b.build();
  }

  private static Value rule(Rule r) {
    ObjectValue.Builder head = ObjectValue.builder();
    if (r.head().path().isEmpty()) {
      head.put("name", StringValue.of(r.name()));
    }
    head.put("ref", refPath(r.head()));
    if (!r.args().isEmpty() || r.kind() == RuleKind.FUNCTION) {
      head.put("args", terms(r.args()));
    }
    if (r.kind() == RuleKind.MULTI_VALUE) {
      head.put("key", term(r.key()));
    } else {
      head.put("value", term(r.value()));
    }
    ObjectValue.Builder out = ObjectValue.builder().put("head", head.build()).put("body", body(r.body()));
    if (r.isDefault()) {
      out.put("default", BooleanValue.TRUE);
    }
    if (!r.elses().isEmpty()) {
      out.put("else", elseChain(r, 0));
    }
    return out.build();
  }

  private static Value elseChain(Rule r, int i) {
    ElseClause e = r.elses().get(i);
    ObjectValue.Builder head = ObjectValue.builder().put("name", StringValue.of(r.name()))
        .put("ref", refPath(r.head())).put("value", term(e.value()));
    if (!r.args().isEmpty()) {
      head.put("args", terms(r.args()));
    }
    ObjectValue.Builder out = ObjectValue.builder().put("head", head.build()).put("body", body(e.body()));
    if (i + 1 < r.elses().size()) {
      out.put("else", elseChain(r, i + 1));
    }
    return out.build();
  }

  private static Value body(Body b) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < b.literals().size(); i++) {
      out.add(literal(b.literals().get(i), i));
    }
    return ArrayValue.of(out);
  }

  private static Value literal(Literal l, int index) {
    ObjectValue.Builder b = ObjectValue.builder().put("index", NumberValue.of(index));
    if (l.negated()) {
      b.put("negated", BooleanValue.TRUE);
    }
    b.put("terms", exprTerms(l.expr()));
    if (!l.withs().isEmpty()) {
      List<Value> ws = new ArrayList<>();
      for (With w : l.withs()) {
        ws.add(ObjectValue.builder().put("target", term(w.target())).put("value", term(w.value())).build());
      }
      b.put("with", ArrayValue.of(ws));
    }
    return b.build();
  }

  private static Value exprTerms(Expr e) {
    if (e instanceof Expr.TermExpr t) {
      if (t.term() instanceof Term.Call c) {
        List<Value> items = new ArrayList<>();
        items.add(term(c.operator()));
        c.args().forEach(a -> items.add(term(a)));
        return ArrayValue.of(items);
      }
      return term(t.term());
    }
    if (e instanceof Expr.Unify u) {
      return ArrayValue.of(operator("eq"), term(u.left()), term(u.right()));
    }
    if (e instanceof Expr.Assign a) {
      return ArrayValue.of(operator("assign"), term(a.left()), term(a.right()));
    }
    if (e instanceof Expr.SomeDecl s) {
      return ObjectValue.builder().put("symbols", ArrayValue.of(s.vars().stream().map(RegoAstJson::term).toList())).build();
    }
    if (e instanceof Expr.SomeIn s) {
      List<Value> call = new ArrayList<>();
      call.add(operator(s.key() == null ? "internal.member_2" : "internal.member_3"));
      if (s.key() != null) {
        call.add(term(s.key()));
      }
      call.add(term(s.value()));
      call.add(term(s.collection()));
      return ObjectValue.builder().put("symbols", ArrayValue.of(typed("call", ArrayValue.of(call)))).build();
    }
    Expr.Every ev = (Expr.Every) e;
    ObjectValue.Builder b = ObjectValue.builder();
    if (ev.key() != null) {
      b.put("key", term(ev.key()));
    }
    return b.put("value", term(ev.value())).put("domain", term(ev.domain())).put("body", body(ev.body())).build();
  }

  private static Value operator(String name) {
    List<Value> path = new ArrayList<>();
    String[] parts = name.split("\\.");
    path.add(typed("var", StringValue.of(parts[0])));
    for (int i = 1; i < parts.length; i++) {
      path.add(typed("string", StringValue.of(parts[i])));
    }
    return typed("ref", ArrayValue.of(path));
  }

  private static Value refPath(Term.Ref r) {
    List<Value> out = new ArrayList<>();
    out.add(term(r.head()));
    r.path().forEach(p -> out.add(term(p)));
    return ArrayValue.of(out);
  }

  private static Value terms(List<Term> ts) {
    return ArrayValue.of(ts.stream().map(RegoAstJson::term).toList());
  }

  static Value term(Term t) {
    if (t instanceof Term.Scalar s) {
      return value(s.value());
    }
    if (t instanceof Term.Var v) {
      return typed("var", StringValue.of(v.name()));
    }
    if (t instanceof Term.Ref r) {
      return typed("ref", refPath(r));
    }
    if (t instanceof Term.Call c) {
      List<Value> items = new ArrayList<>();
      items.add(term(c.operator()));
      c.args().forEach(a -> items.add(term(a)));
      return typed("call", ArrayValue.of(items));
    }
    if (t instanceof Term.ArrayTerm a) {
      return typed("array", terms(a.items()));
    }
    if (t instanceof Term.SetTerm s) {
      return typed("set", terms(s.items()));
    }
    if (t instanceof Term.ObjectTerm o) {
      List<Value> pairs = new ArrayList<>();
      for (int i = 0; i < o.keys().size(); i++) {
        pairs.add(ArrayValue.of(term(o.keys().get(i)), term(o.values().get(i))));
      }
      return typed("object", ArrayValue.of(pairs));
    }
    if (t instanceof Term.ArrayComprehension c) {
      return typed("arraycomprehension", ObjectValue.builder().put("term", term(c.head())).put("body", body(c.body())).build());
    }
    if (t instanceof Term.SetComprehension c) {
      return typed("setcomprehension", ObjectValue.builder().put("term", term(c.head())).put("body", body(c.body())).build());
    }
    Term.ObjectComprehension c = (Term.ObjectComprehension) t;
    return typed("objectcomprehension", ObjectValue.builder().put("key", term(c.key())).put("value", term(c.value()))
        .put("body", body(c.body())).build());
  }

  /** A constant as a term; composites (folded constants) become composite terms of constants. */
  private static Value value(Value v) {
    if (v instanceof ArrayValue a) {
      return typed("array", ArrayValue.of(a.asList().stream().map(RegoAstJson::value).toList()));
    }
    if (v instanceof SetValue s) {
      List<Value> items = new ArrayList<>();
      s.elements().forEach(x -> items.add(value(x)));
      return typed("set", ArrayValue.of(items));
    }
    if (v instanceof ObjectValue o) {
      List<Value> pairs = new ArrayList<>();
      o.entries().forEach(e -> pairs.add(ArrayValue.of(value(e.getKey()), value(e.getValue()))));
      return typed("object", ArrayValue.of(pairs));
    }
    return typed(v.typeName(), v);
  }

  private static Value typed(String type, Value value) {
    return ObjectValue.builder().put("type", StringValue.of(type)).put("value", value).build();
  }
}

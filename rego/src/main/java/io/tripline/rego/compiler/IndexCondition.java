package io.tripline.rego.compiler;

import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A condition a rule body places on one input field: the value at {@code path} under
 * {@code input} must be one of {@code values}, or, when {@code values} is null, must be defined
 * and not {@code false}. Read from top-level body literals of the forms {@code input.a.b == c},
 * {@code c = input.a.b}, {@code input.a.b in {c1, c2}} (or a rule holding such a constant
 * collection), a bare {@code input.a.b}, and calls of user functions with the input (or part of
 * it) as an argument, {@code f(input)} or {@code x := f(input)}: a function without a default or
 * {@code else} is defined only when one of its clauses holds, so the conditions every clause
 * places on that argument (the union of their values) hold for the caller too. The body cannot
 * succeed otherwise.
 */
public record IndexCondition(List<Value> path, Set<Value> values) {
  /** How many function calls deep conditions are followed. */
  private static final int MAX_DEPTH = 4;

  /** Whether the condition only asks for the field to be defined and not false. */
  public boolean definedOnly() {
    return values == null;
  }

  /**
   * The conditions of a rule, merged per path (two conditions on one path intersect). Without
   * {@code nodes} only the forms OPA's own index reads count (equality and membership in a
   * literal collection on {@code input} refs), so traces and coverage see what OPA would.
   */
  static List<IndexCondition> of(Rule rule, Function<String, RuleNode> nodes) {
    Map<List<Value>, IndexCondition> byPath = new LinkedHashMap<>();
    collect(rule.body().literals(), null, List.of(), nodes, 0, byPath);
    return List.copyOf(byPath.values());
  }

  /**
   * Adds the conditions of {@code literals} on paths under {@code root} (a variable standing for
   * the input at {@code prefix}, or {@code input} itself when root is null).
   */
  private static void collect(List<Literal> literals, String root, List<Value> prefix, Function<String, RuleNode> nodes,
      int depth, Map<List<Value>, IndexCondition> out) {
    for (Literal l : literals) {
      if (l.negated() || !l.withs().isEmpty()) {
        continue;
      }
      List<IndexCondition> found = new ArrayList<>();
      of(l.expr(), root, prefix, nodes, depth, found);
      for (IndexCondition c : found) {
        IndexCondition prev = out.get(c.path());
        out.put(c.path(), prev == null ? c : intersect(prev, c));
      }
    }
  }

  private static void of(Expr e, String root, List<Value> prefix, Function<String, RuleNode> nodes, int depth,
      List<IndexCondition> out) {
    if (e instanceof Expr.Unify u) {
      add(out, equality(u.left(), u.right(), root, prefix, nodes));
      callCondition(u.left(), u.right(), root, prefix, nodes, depth, out);
      callCondition(u.right(), u.left(), root, prefix, nodes, depth, out);
    } else if (e instanceof Expr.Assign a) {
      callCondition(a.right(), a.left(), root, prefix, nodes, depth, out);
    } else if (e instanceof Expr.TermExpr t) {
      Term term = t.term();
      if (term instanceof Term.Call c) {
        if (c.args().size() == 2 && c.name().equals("equal")) {
          add(out, equality(c.args().get(0), c.args().get(1), root, prefix, nodes));
        } else if (c.args().size() == 2 && c.name().equals("internal.member_2")) {
          add(out, membership(c.args().get(0), c.args().get(1), root, prefix, nodes));
        } else {
          out.addAll(functionConditions(c, root, prefix, nodes, depth));
        }
      } else if (nodes != null) {
        List<Value> path = inputPath(term, root, prefix);
        if (path != null && !path.isEmpty()) {
          out.add(new IndexCondition(path, null));
        }
      }
    }
  }

  private static void add(List<IndexCondition> out, IndexCondition c) {
    if (c != null) {
      out.add(c);
    }
  }

  /** {@code x := f(input)} or {@code x = f(input)}: the call must be defined. */
  private static void callCondition(Term call, Term other, String root, List<Value> prefix,
      Function<String, RuleNode> nodes, int depth, List<IndexCondition> out) {
    if (call instanceof Term.Call c && other instanceof Term.Var) {
      out.addAll(functionConditions(c, root, prefix, nodes, depth));
    }
  }

  /**
   * The conditions a call of a user function places on the caller's input: for each argument
   * that is the input (or a path into it), what every clause of the function requires of the
   * matching parameter, values united over the clauses.
   */
  private static List<IndexCondition> functionConditions(Term.Call c, String root, List<Value> prefix,
      Function<String, RuleNode> nodes, int depth) {
    if (depth >= MAX_DEPTH || nodes == null || !c.name().startsWith("data.")) {
      return List.of();
    }
    RuleNode node = nodes.apply(c.name());
    if (node == null || !node.isFunction() || node.defaultRule() != null || node.rules().isEmpty()) {
      return List.of();
    }
    int arity = node.functionArity();
    if (c.args().size() != arity && c.args().size() != arity + 1) {
      return List.of();
    }
    List<IndexCondition> result = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      List<Value> argPath = inputPath(c.args().get(i), root, prefix);
      if (argPath == null) {
        continue;
      }
      Map<List<Value>, IndexCondition> united = null;
      for (CompiledRule r : node.rules()) {
        Rule rule = r.rule();
        if (!rule.elses().isEmpty() || rule.args().size() != arity || !(rule.args().get(i) instanceof Term.Var v)
            || v.isWildcard()) {
          united = Map.of();
          break;
        }
        Map<List<Value>, IndexCondition> mine = new LinkedHashMap<>();
        collect(rule.body().literals(), v.name(), argPath, nodes, depth + 1, mine);
        united = united == null ? mine : union(united, mine);
        if (united.isEmpty()) {
          break;
        }
      }
      if (united != null) {
        result.addAll(united.values());
      }
    }
    return result;
  }

  private static Map<List<Value>, IndexCondition> union(Map<List<Value>, IndexCondition> a,
      Map<List<Value>, IndexCondition> b) {
    Map<List<Value>, IndexCondition> out = new LinkedHashMap<>();
    for (Map.Entry<List<Value>, IndexCondition> e : a.entrySet()) {
      IndexCondition other = b.get(e.getKey());
      if (other == null) {
        continue;
      }
      IndexCondition u = union(e.getValue(), other);
      if (u != null) {
        out.put(e.getKey(), u);
      }
    }
    return out;
  }

  /** Either condition holds; null when that constrains nothing expressible. */
  private static IndexCondition union(IndexCondition a, IndexCondition b) {
    if (a.definedOnly() && b.definedOnly()) {
      return a;
    }
    if (!a.definedOnly() && !b.definedOnly()) {
      Set<Value> all = new HashSet<>(a.values());
      all.addAll(b.values());
      return new IndexCondition(a.path(), Set.copyOf(all));
    }
    Set<Value> listed = a.definedOnly() ? b.values() : a.values();
    return listed.contains(BooleanValue.FALSE) ? null : new IndexCondition(a.path(), null);
  }

  /** Both conditions hold. */
  private static IndexCondition intersect(IndexCondition a, IndexCondition b) {
    if (a.definedOnly() && b.definedOnly()) {
      return a;
    }
    Set<Value> kept;
    if (!a.definedOnly() && !b.definedOnly()) {
      kept = new HashSet<>(a.values());
      kept.retainAll(b.values());
    } else {
      kept = new HashSet<>(a.definedOnly() ? b.values() : a.values());
      kept.remove(BooleanValue.FALSE);
    }
    return new IndexCondition(a.path(), Set.copyOf(kept));
  }

  private static IndexCondition equality(Term a, Term b, String root, List<Value> prefix, Function<String, RuleNode> nodes) {
    IndexCondition c = equality1(a, b, root, prefix);
    return c != null ? c : equality1(b, a, root, prefix);
  }

  private static IndexCondition equality1(Term ref, Term constant, String root, List<Value> prefix) {
    List<Value> path = inputPath(ref, root, prefix);
    if (path == null || path.isEmpty() || !(constant instanceof Term.Scalar s) || !indexable(s.value())) {
      return null;
    }
    return new IndexCondition(path, Set.of(s.value()));
  }

  private static IndexCondition membership(Term ref, Term collection, String root, List<Value> prefix,
      Function<String, RuleNode> nodes) {
    List<Value> path = inputPath(ref, root, prefix);
    if (path == null || path.isEmpty()) {
      return null;
    }
    List<Value> items = constantItems(collection, nodes);
    if (items == null) {
      return null;
    }
    for (Value v : items) {
      if (!indexable(v)) {
        return null;
      }
    }
    return new IndexCondition(path, Set.copyOf(items));
  }

  /** The members of a constant collection: a literal set or array, or a rule that is one. */
  private static List<Value> constantItems(Term t, Function<String, RuleNode> nodes) {
    if (t instanceof Term.Scalar s) {
      if (s.value() instanceof SetValue set) {
        return set.elements();
      }
      if (s.value() instanceof ArrayValue arr) {
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
          items.add(arr.get(i));
        }
        return items;
      }
      return null;
    }
    List<Term> terms = t instanceof Term.SetTerm st ? st.items() : t instanceof Term.ArrayTerm at ? at.items() : null;
    if (terms != null) {
      List<Value> items = new ArrayList<>();
      for (Term item : terms) {
        if (!(item instanceof Term.Scalar s)) {
          return null;
        }
        items.add(s.value());
      }
      return items;
    }
    if (t instanceof Term.Ref r && nodes != null && r.head() instanceof Term.Var v && v.name().equals("data")) {
      RuleNode node = nodes.apply(r.dotted());
      if (node == null || node.rules().size() != 1 || node.defaultRule() != null || !node.children().isEmpty()) {
        return null;
      }
      Rule rule = node.rules().get(0).rule();
      if (rule.kind() != io.tripline.rego.ast.RuleKind.SINGLE_VALUE || !rule.elses().isEmpty()
          || !alwaysTrue(rule.body().literals()) || !node.rules().get(0).suffix().isEmpty()) {
        return null;
      }
      return constantItems(rule.value(), null);
    }
    return null;
  }

  /** A body that always holds: none but {@code true} literals (a rule written without a body). */
  private static boolean alwaysTrue(List<Literal> literals) {
    for (Literal l : literals) {
      if (l.negated() || !l.withs().isEmpty() || !(l.expr() instanceof Expr.TermExpr t)
          || !(t.term() instanceof Term.Scalar s) || s.value() != BooleanValue.TRUE) {
        return false;
      }
    }
    return true;
  }

  /**
   * The constant path under the input of {@code root.a.b[0]} (root being {@code input}, or the
   * given variable standing for the input at {@code prefix}), or null when the term is not such
   * a reference. {@code input} itself has the empty path.
   */
  private static List<Value> inputPath(Term t, String root, List<Value> prefix) {
    String name = root == null ? "input" : root;
    if (t instanceof Term.Var v) {
      return v.name().equals(name) ? prefix : null;
    }
    if (!(t instanceof Term.Ref r) || !(r.head() instanceof Term.Var v) || !v.name().equals(name)) {
      return null;
    }
    List<Value> path = new ArrayList<>(prefix);
    for (Term p : r.path()) {
      if (!(p instanceof Term.Scalar s) || !(s.value() instanceof StringValue || s.value() instanceof NumberValue)) {
        return null;
      }
      path.add(s.value());
    }
    return List.copyOf(path);
  }

  private static boolean indexable(Value v) {
    return v instanceof StringValue || v instanceof NumberValue || v instanceof BooleanValue || v instanceof NullValue;
  }
}

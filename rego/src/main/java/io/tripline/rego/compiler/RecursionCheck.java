package io.tripline.rego.compiler;

import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.TermWalk;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds rules that depend on themselves: {@code rego_recursion_error: rule data.p is recursive: ...}. */
final class RecursionCheck {
  private final RuleNode root;
  private final List<CompileError> errors;
  private final Map<RuleNode, Set<RuleNode>> edges = new HashMap<>();

  RecursionCheck(RuleNode root, List<CompileError> errors) {
    this.root = root;
    this.errors = errors;
  }

  void run() {
    List<RuleNode> nodes = new ArrayList<>();
    collect(root, nodes);
    for (RuleNode n : nodes) {
      Set<RuleNode> deps = new LinkedHashSet<>();
      List<CompiledRule> rules = new ArrayList<>(n.rules());
      rules.addAll(n.defaults());
      for (CompiledRule r : rules) {
        java.util.function.Consumer<Term> visit = t -> dependencies(t, deps);
        TermWalk.body(r.rule().body(), visit);
        TermWalk.term(r.rule().value(), visit);
        if (r.rule().key() != null) {
          TermWalk.term(r.rule().key(), visit);
        }
        r.suffix().forEach(s -> TermWalk.term(s, visit));
        for (ElseClause e : r.rule().elses()) {
          TermWalk.body(e.body(), visit);
          TermWalk.term(e.value(), visit);
        }
      }
      edges.put(n, deps);
    }
    Set<RuleNode> reported = new HashSet<>();
    for (RuleNode n : nodes) {
      List<RuleNode> cycle = findCycle(n, n, new ArrayList<>(), new HashSet<>());
      if (cycle != null && reported.add(n)) {
        StringBuilder sb = new StringBuilder(n.fullName());
        for (RuleNode c : cycle) {
          sb.append(" -> ").append(c.fullName());
        }
        CompiledRule first = n.rules().isEmpty() ? n.defaultRule() : n.rules().get(0);
        errors.add(new CompileError(first.rule().location(), "rego_recursion_error",
            "rule " + n.fullName() + " is recursive: " + sb));
      }
    }
  }

  private List<RuleNode> findCycle(RuleNode start, RuleNode at, List<RuleNode> path, Set<RuleNode> seen) {
    for (RuleNode next : edges.getOrDefault(at, Set.of())) {
      if (next == start) {
        List<RuleNode> p = new ArrayList<>(path);
        p.add(next);
        return p;
      }
      if (seen.add(next)) {
        path.add(next);
        List<RuleNode> r = findCycle(start, next, path, seen);
        if (r != null) {
          return r;
        }
        path.remove(path.size() - 1);
      }
    }
    return null;
  }

  private void collect(RuleNode n, List<RuleNode> out) {
    if (n.hasRules()) {
      out.add(n);
    }
    n.children().values().forEach(c -> collect(c, out));
  }

  private void dependencies(Term t, Set<RuleNode> out) {
    Term.Ref ref = null;
    if (t instanceof Term.Ref r) {
      ref = r;
    } else if (t instanceof Term.Call c) {
      ref = c.operator();
    }
    if (ref == null || !(ref.head() instanceof Term.Var v) || !v.name().equals("data")) {
      return;
    }
    match(root, ref.path(), 0, out);
  }

  /** Nodes a ref can reach: constants select one child, anything else every child. */
  private void match(RuleNode n, List<Term> path, int i, Set<RuleNode> out) {
    if (n.hasRules()) {
      out.add(n);
      return;
    }
    if (i == path.size()) {
      addBelow(n, out);
      return;
    }
    Term p = path.get(i);
    if (p instanceof Term.Scalar s) {
      if (s.value() instanceof StringValue str && n.child(str.value()) != null) {
        match(n.child(str.value()), path, i + 1, out);
      }
      return;
    }
    for (RuleNode c : n.children().values()) {
      match(c, path, i + 1, out);
    }
  }

  private void addBelow(RuleNode n, Set<RuleNode> out) {
    if (n.hasRules()) {
      out.add(n);
    }
    n.children().values().forEach(c -> addBelow(c, out));
  }
}

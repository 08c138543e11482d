package io.tripline.rego.eval;

import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import io.tripline.rego.builtins.Navigation;
import io.tripline.rego.compiler.CompiledRule;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Virtual documents: the value of the rules at a node (complete, multi-value, partial object
 * with ref heads), merged with base data and child packages; memoized per {@link WithScope}.
 * Also evaluates user functions.
 */
final class RuleEval {
  private static final String CONFLICT = "eval_conflict_error";
  private final Evaluation ev;
  private int depth;

  RuleEval(Evaluation ev) {
    this.ev = ev;
  }

  /** The document at node (rules, base data and children merged), or null when undefined. */
  Value document(RuleNode node, Value base) {
    Map<RuleNode, Optional<Value>> cache = ev.scope.cache;
    Optional<Value> hit = cache.get(node);
    if (hit != null) {
      return hit.orElse(null);
    }
    // a document that reads the input through fixed paths, or not at all: kept under the values there
    SharedResults.Plan plan = sharing() ? ev.shared.documentPlan(node) : null;
    SharedResults.Key key = plan == null ? null : plan.key(Collections.singletonList(ev.scope.input), ev.strict);
    if (key != null) {
      hit = ev.shared.result(key);
      if (hit != null) {
        cache.put(node, hit);
        return hit.orElse(null);
      }
    }
    depth++;
    Value v;
    try {
      v = compute(node, base);
    } finally {
      depth--;
    }
    Optional<Value> result = Optional.ofNullable(v);
    cache.put(node, result);
    if (key != null) {
      ev.shared.result(key, result);
    }
    return v;
  }

  /**
   * Whether results shared across evaluations apply here: none under {@code with} replacements,
   * and none when a tracer or print output must see every step.
   */
  private boolean sharing() {
    return ev.shared != null && ev.tracer == null && !ev.printing() && ev.scope.dataOverrides.isEmpty()
        && ev.scope.mocks.isEmpty();
  }

  private Value compute(RuleNode node, Value base) {
    Value v;
    Value replaced = ev.scope.dataOverrides.isEmpty() ? null : ev.scope.dataOverrides.get(node.path());
    if (replaced != null) {
      // `with data.a.p as x` replaces the document at p, rules included
      v = replaced;
    } else if (node.hasRules()) {
      v = rules(node);
      if (v instanceof ObjectValue o && (!node.children().isEmpty() || base instanceof ObjectValue)) {
        v = merge(node, o, base);
      }
    } else {
      if (node.children().isEmpty()) {
        return base;
      }
      v = merge(node, base instanceof ObjectValue o ? o : ObjectValue.EMPTY, base);
    }
    if (v != null && !ev.scope.dataOverrides.isEmpty()) {
      List<Map.Entry<List<String>, Value>> deeper = new ArrayList<>(ev.scope.dataOverrides.entrySet());
      deeper.sort(java.util.Comparator.comparingInt(e -> e.getKey().size())); // outer paths first
      for (Map.Entry<List<String>, Value> e : deeper) {
        List<String> p = e.getKey();
        if (p.size() > node.path().size() && p.subList(0, node.path().size()).equals(node.path())) {
          List<Value> rest = new ArrayList<>();
          p.subList(node.path().size(), p.size()).forEach(s -> rest.add(StringValue.of(s)));
          v = WithEval.upsert(v, rest, 0, e.getValue());
        }
      }
    }
    return v;
  }

  private Value merge(RuleNode node, ObjectValue virtual, Value base) {
    ObjectValue.Builder out = ObjectValue.builder();
    if (base instanceof ObjectValue b) {
      for (Value k : b.keys()) {
        out.put(k, b.get(k));
      }
    }
    for (Value k : virtual.keys()) {
      out.put(k, virtual.get(k));
    }
    for (Map.Entry<String, RuleNode> c : node.children().entrySet()) {
      Value childBase = base == null ? null : Navigation.child(base, StringValue.of(c.getKey()));
      Value cv = document(c.getValue(), childBase);
      if (cv != null) {
        Value prev = virtual.get(StringValue.of(c.getKey()));
        if (prev != null && !prev.equals(cv)) {
          CompiledRule r = c.getValue().rules().isEmpty() ? null : c.getValue().rules().get(0);
          throw new EvalException(CONFLICT, "object keys must be unique",
              r == null ? node.rules().get(0).rule().location() : r.rule().location());
        }
        out.put(StringValue.of(c.getKey()), cv);
      }
    }
    return out.build();
  }

  private Value rules(RuleNode node) {
    RuleKind kind = node.kind();
    if (kind == RuleKind.FUNCTION) {
      return null;
    }
    List<CompiledRule> rules = ev.index.rules(node);
    boolean plain = rules.isEmpty() || rules.get(0).suffix().isEmpty();
    if (kind == RuleKind.MULTI_VALUE && plain) {
      Set<Value> out = new HashSet<>();
      for (CompiledRule r : rules) {
        if (guardFails(r)) {
          continue;
        }
        Bindings b = new Bindings();
        clauses(r, b, (value, bb) -> ev.terms.eval(r.rule().key(), bb, v -> {
          out.add(v);
          return true;
        }));
      }
      return SetValue.of(out);
    }
    if (plain) {
      return complete(node);
    }
    return partialObject(node);
  }

  private Value complete(RuleNode node) {
    Value[] result = {null};
    // OPA words the conflict differently when the rule is queried directly
    String conflict = depth == 1
        ? "rule " + node.fullName() + " produced conflicting values"
        : "complete rules must not produce multiple outputs";
    for (CompiledRule r : ev.index.rules(node)) {
      if (guardFails(r)) {
        continue;
      }
      Bindings b = new Bindings();
      boolean constant = r.rule().value() instanceof Term.Scalar && r.rule().elses().isEmpty();
      clauses(r, b, (value, bb) -> {
        ev.terms.eval(value, bb, v -> {
          if (result[0] == null) {
            result[0] = v;
          } else if (!result[0].equals(v)) {
            throw new EvalException(CONFLICT, conflict, r.rule().location());
          }
          return true;
        });
        return !constant;
      });
    }
    if (result[0] == null && node.defaultRule() != null) {
      if (ev.tracer != null) {
        ev.tracer.ruleSucceeded(node.defaultRule().rule().location());
      }
      result[0] = ev.terms.firstValue(node.defaultRule().rule().value(), new Bindings());
    }
    return result[0];
  }

  private Value partialObject(RuleNode node) {
    Map<Value, Object> tree = new LinkedHashMap<>();
    for (CompiledRule r : ev.index.rules(node)) {
      Bindings b = new Bindings();
      List<Term> suffix = r.suffix();
      boolean multi = r.kind() == RuleKind.MULTI_VALUE;
      clauses(r, b, (value, bb) -> ev.terms.list(suffix, 0, new Value[suffix.size()], bb,
          keys -> ev.terms.eval(multi ? r.rule().key() : value, bb, v -> {
            insert(tree, keys, v, multi, r.rule().location());
            return true;
          })));
    }
    return toValue(tree);
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<Value, Object> tree, Value[] keys, Value v, boolean multi, Location at) {
    Map<Value, Object> cur = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = cur.get(keys[i]);
      if (next == null) {
        next = new LinkedHashMap<Value, Object>();
        cur.put(keys[i], next);
      } else if (!(next instanceof Map)) {
        throw new EvalException(CONFLICT, "object keys must be unique", at);
      }
      cur = (Map<Value, Object>) next;
    }
    Value last = keys[keys.length - 1];
    Object existing = cur.get(last);
    if (multi) {
      if (existing == null) {
        existing = new HashSet<Value>();
        cur.put(last, existing);
      } else if (!(existing instanceof Set)) {
        throw new EvalException(CONFLICT, "object keys must be unique", at);
      }
      ((Set<Value>) existing).add(v);
    } else if (existing == null) {
      cur.put(last, v);
    } else if (!(existing instanceof Value) || !existing.equals(v)) {
      throw new EvalException(CONFLICT, "object keys must be unique", at);
    }
  }

  @SuppressWarnings("unchecked")
  private static Value toValue(Object o) {
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof Set<?> s) {
      return SetValue.of((Set<Value>) s);
    }
    ObjectValue.Builder b = ObjectValue.builder();
    for (Map.Entry<Value, Object> e : ((Map<Value, Object>) o).entrySet()) {
      b.put(e.getKey(), toValue(e.getValue()));
    }
    return b.build();
  }

  /**
   * Whether the rule's guard (its leading literals that read only input paths) is known to fail
   * for inputs that agree with this one on those paths: then the rule gives nothing and is
   * skipped. A guard met for the first time is evaluated alone and its outcome kept.
   */
  private boolean guardFails(CompiledRule r) {
    SharedResults.Guard guard = sharing() ? ev.shared.guard(r) : null;
    SharedResults.Key key = guard == null ? null : guard.plan().key(Collections.singletonList(ev.scope.input), ev.strict);
    if (key == null) {
      return false;
    }
    Optional<Value> known = ev.shared.result(key);
    if (known != null) {
      return known.isEmpty();
    }
    boolean[] holds = {false};
    CompiledRule outer = ev.currentRule;
    ev.currentRule = r;
    try {
      ev.bodies.eval(r.rule().body().literals().subList(0, guard.length()), 0, new Bindings(), () -> {
        holds[0] = true;
        return false;
      });
    } finally {
      ev.currentRule = outer;
    }
    ev.shared.result(key, holds[0] ? Optional.of(BooleanValue.TRUE) : Optional.empty());
    return !holds[0];
  }

  /** A solution of a rule clause: the value term of the clause that held, under its bindings. */
  @FunctionalInterface
  interface ClauseSink {
    boolean accept(Term value, Bindings b);
  }

  /** Evaluates a rule's body, and its else clauses in order until one holds. */
  boolean clauses(CompiledRule r, Bindings b, ClauseSink sink) {
    CompiledRule outer = ev.currentRule;
    ev.currentRule = r;
    try {
      return clausesOf(r, b, sink);
    } finally {
      ev.currentRule = outer;
    }
  }

  private boolean clausesOf(CompiledRule r, Bindings b, ClauseSink sink) {
    boolean[] any = {false};
    boolean cont = ev.bodies.eval(r.rule().body().literals(), 0, b, () -> {
      any[0] = true;
      if (ev.tracer != null) {
        ev.tracer.ruleSucceeded(r.rule().location());
      }
      return sink.accept(r.rule().value(), b);
    });
    if (!cont || any[0]) {
      return cont;
    }
    for (ElseClause e : r.rule().elses()) {
      cont = ev.bodies.eval(e.body().literals(), 0, b, () -> {
        any[0] = true;
        if (ev.tracer != null) {
          ev.tracer.ruleSucceeded(e.location());
        }
        return sink.accept(e.value(), b);
      });
      if (!cont || any[0]) {
        return cont;
      }
    }
    return true;
  }

  /**
   * Calls the user function at node; null when undefined. Functions are pure under one scope, so
   * a result is reused for the same function and arguments (many rules ask the same library
   * function about the same record), except when print output or a tracer must see every call.
   */
  Value call(RuleNode node, List<Value> args, Location at) {
    if (ev.tracer != null || ev.printing()) {
      return evaluateCall(node, args, at);
    }
    CallKey key = new CallKey(node, args);
    Map<CallKey, Optional<Value>> calls = ev.scope.calls;
    Optional<Value> hit = calls.get(key);
    if (hit != null) {
      return hit.orElse(null);
    }
    SharedResults.Plan plan = sharing() ? ev.shared.plan(node) : null;
    SharedResults.Key shared = plan == null ? null : plan.key(args, ev.strict);
    if (shared != null) {
      hit = ev.shared.result(shared);
      if (hit != null) {
        calls.put(key, hit);
        return hit.orElse(null);
      }
    }
    Value v = evaluateCall(node, args, at);
    Optional<Value> result = Optional.ofNullable(v);
    calls.put(key, result);
    if (shared != null) {
      ev.shared.result(shared, result);
    }
    return v;
  }

  private Value evaluateCall(RuleNode node, List<Value> args, Location at) {
    // rules the function's body reads are nested documents, as rules read by rules are
    depth++;
    try {
      return evaluateCallHere(node, args, at);
    } finally {
      depth--;
    }
  }

  private Value evaluateCallHere(RuleNode node, List<Value> args, Location at) {
    Value[] result = {null};
    for (CompiledRule r : node.rules()) {
      Bindings b = new Bindings();
      List<Term> params = r.rule().args();
      Value[] mine = {null};
      bindArgs(params, args, 0, b, () -> clauses(r, b, (value, bb) -> {
        ev.terms.eval(value, bb, v -> {
          if (mine[0] != null && !mine[0].equals(v)) {
            throw new EvalException(CONFLICT,
                "function " + node.fullName() + " produced conflicting values for the same inputs", at);
          }
          mine[0] = v;
          if (result[0] == null) {
            result[0] = v;
          } else if (!result[0].equals(v)) {
            throw new EvalException(CONFLICT, "functions must not produce multiple outputs for same inputs", at);
          }
          return true;
        });
        return true;
      }));
    }
    if (result[0] == null && node.defaultRule() != null) {
      if (ev.tracer != null) {
        ev.tracer.ruleSucceeded(node.defaultRule().rule().location());
      }
      result[0] = ev.terms.firstValue(node.defaultRule().rule().value(), new Bindings());
    }
    return result[0];
  }

  private boolean bindArgs(List<Term> params, List<Value> args, int i, Bindings b, Next k) {
    if (i == params.size()) {
      return k.run();
    }
    return ev.unifier.unifyValue(params.get(i), args.get(i), b, () -> bindArgs(params, args, i + 1, b, k));
  }
}

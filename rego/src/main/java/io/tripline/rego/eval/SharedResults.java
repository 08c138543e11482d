package io.tripline.rego.eval;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Term;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.builtins.Navigation;
import io.tripline.rego.compiler.CompiledRule;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Results shared by every evaluation of one prepared policy, kept under what they depend on
 * (a {@link Plan}: the paths read of each argument, or the argument whole):
 * <ul>
 *   <li>a function that reads its arguments only through fixed paths ({@code r.userIdentity.arn},
 *       {@code object.get(r, "userAgent", "")}, or by passing {@code r} on to such a function)
 *       gives the same result for any arguments that agree on those paths, so
 *       {@code aws.principal_arn(r)} is computed once per distinct caller, not once per record;</li>
 *   <li>a rule document is a function of the input: one that reads it only through fixed paths
 *       is kept under the values there (a correlation rule's {@code match}), one that does not
 *       read it at all is computed once;</li>
 *   <li>a rule whose document reads more has a guard, its leading literals that read the input
 *       only through fixed paths: a rule whose guard failed for the same values is skipped.</li>
 * </ul>
 * Nothing that uses {@code with} or a builtin that asks more than its arguments (time,
 * randomness, the network, rule metadata) is shared, and only evaluations without {@code with}
 * replacements, tracer or print output use these results. Thread-safe.
 */
public final class SharedResults {
  /** Builtins whose result depends on more than their arguments. */
  private static final Set<String> IMPURE = Set.of("time.now_ns", "rand.intn", "uuid.rfc4122", "http.send",
      "net.lookup_ip_addr", "opa.runtime", "rego.metadata.chain", "rego.metadata.rule", "print", "trace",
      "io.jwt.decode_verify", "crypto.x509.parse_and_verify_certificates",
      "crypto.x509.parse_and_verify_certificates_with_options");
  /** Composite arguments and path values larger than this many values are not kept as keys. */
  private static final int MAX_KEY_SIZE = 64;
  private static final int MAX_RESULTS = 16_384;
  /** Results kept per function or document: one whose keys rarely repeat starts over alone. */
  private static final int MAX_RESULTS_EACH = 2_048;
  /** After this many lookups, a function whose results are reused less than a quarter of the time stops keeping them. */
  private static final int TRIAL = 4096;

  private final RuleNode root;
  private final BuiltinTable builtins;
  private final Map<RuleNode, Plan> plans = new IdentityHashMap<>();
  /** Documents that read the input through fixed paths, or not at all (a plan reading no path). */
  private final Map<RuleNode, Plan> documentPlans = new IdentityHashMap<>();
  private final Map<CompiledRule, Guard> guards = new IdentityHashMap<>();
  /** Results kept in all (approximately: it only bounds memory). */
  private final AtomicInteger kept = new AtomicInteger();

  /** Analyses every rule and function under root (once, when the policy is prepared). */
  public SharedResults(RuleNode root, BuiltinTable builtins) {
    this.root = root;
    this.builtins = builtins;
    Analysis a = new Analysis();
    a.visitTree(root);
    a.docs.forEach((node, info) -> {
      if (info == CONSTANT) {
        documentPlans.put(node, new Plan(new Value[][][] {new Value[0][]}));
      } else if (info instanceof Plan p && node.children().isEmpty()) {
        documentPlans.put(node, p);
      } else if (!node.isFunction()) {
        for (CompiledRule r : node.rules()) {
          Guard g = a.guard(r);
          if (g != null) {
            guards.put(r, g);
          }
        }
      }
    });
    a.functions.forEach((node, plan) -> {
      if (plan != null) {
        plans.put(node, plan);
      }
    });
  }

  /** Whether the document at node is the same for every input. */
  boolean constant(RuleNode node) {
    Plan p = documentPlans.get(node);
    return p != null && p.reads[0].length == 0;
  }

  /** The leading literals of a rule whose outcome is kept under the input paths they read; null when none. */
  Guard guard(CompiledRule rule) {
    Guard g = guards.get(rule);
    return g == null || g.plan.disabled ? null : g;
  }

  /** A rule's first {@code length} literals, whose outcome (a solution or none) is kept per {@code plan}. */
  record Guard(int length, Plan plan) {}

  /** How the function at node reads its arguments, when its results can be kept; else null. */
  Plan plan(RuleNode node) {
    Plan p = plans.get(node);
    return p == null || p.disabled ? null : p;
  }

  /**
   * How the document at node reads the input (its one argument), when it reads it only through
   * fixed paths or not at all and its values are worth keeping; else null.
   */
  Plan documentPlan(RuleNode node) {
    Plan p = documentPlans.get(node);
    return p == null || p.disabled ? null : p;
  }

  Optional<Value> result(Key key) {
    Optional<Value> r = key.plan.results.get(key);
    key.plan.looked(r != null);
    return r;
  }

  void result(Key key, Optional<Value> value) {
    Map<Key, Optional<Value>> mine = key.plan.results;
    if (mine.size() >= MAX_RESULTS_EACH) {
      kept.addAndGet(-mine.size());
      mine.clear();
    }
    if (kept.get() >= MAX_RESULTS) {
      clear();
    }
    if (mine.put(key, value) == null) {
      kept.incrementAndGet();
    }
  }

  /** Drops every shared result and document (memory, or to measure a run that starts cold). */
  public void clear() {
    for (Plan p : plans.values()) {
      p.results.clear();
    }
    for (Plan p : documentPlans.values()) {
      p.results.clear();
    }
    for (Guard g : guards.values()) {
      g.plan.results.clear();
    }
    kept.set(0);
  }

  /** The key a function's result is kept under: the function, strictness and what it reads of its arguments. */
  static final class Key {
    private final Plan plan;
    private final boolean strict;
    private final Object[] parts;
    private final int hash;

    Key(Plan plan, boolean strict, Object[] parts) {
      this.plan = plan;
      this.strict = strict;
      this.parts = parts;
      this.hash = (System.identityHashCode(plan) * 31 + Arrays.hashCode(parts)) * 2 + (strict ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.plan == plan && k.strict == strict && Arrays.equals(k.parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * A function whose result depends on its arguments only through {@code reads}: per argument,
   * the paths read inside it, or null when the argument counts as a whole.
   */
  static final class Plan {
    private final Value[][][] reads;
    final Map<Key, Optional<Value>> results = new ConcurrentHashMap<>();
    private volatile boolean disabled;
    private int lookups;
    private int hits;

    Plan(Value[][][] reads) {
      this.reads = reads;
    }

    void looked(boolean hit) {
      // counts may race between threads: they only decide when to stop keeping results
      if (lookups < TRIAL) {
        lookups++;
        if (hit) {
          hits++;
        }
        if (lookups == TRIAL && hits * 4 < lookups) {
          disabled = true;
        }
      }
    }

    /** The key for these arguments, or null when one is too large to serve as a key (counted as a miss). */
    Key key(List<Value> args, boolean strict) {
      List<Object> parts = new ArrayList<>(8);
      for (int i = 0; i < reads.length; i++) {
        Value arg = args.get(i);
        if (reads[i] == null) {
          if (size(arg, MAX_KEY_SIZE) < 0) {
            looked(false);
            return null;
          }
          parts.add(arg);
          continue;
        }
        for (Value[] path : reads[i]) {
          if (!trace(arg, path, parts)) {
            looked(false);
            return null;
          }
        }
      }
      return new Key(this, strict, parts.toArray());
    }

    /**
     * What a reader of path sees in v: the value there, or the depth where the walk stopped and
     * why (a missing key of an object, or the value that is not an object).
     */
    private static boolean trace(Value v, Value[] path, List<Object> parts) {
      Value cur = v;
      for (int d = 0; d < path.length; d++) {
        Value next = Navigation.child(cur, path[d]);
        if (next == null) {
          parts.add(d);
          if (cur instanceof ObjectValue) {
            parts.add(Missing.MISSING);
            return true;
          }
          parts.add(cur);
          return size(cur, MAX_KEY_SIZE) >= 0;
        }
        cur = next;
      }
      parts.add(cur);
      return size(cur, MAX_KEY_SIZE) >= 0;
    }
  }

  private enum Missing {
    MISSING
  }

  /** The number of values in v (composites count their members), or -1 when above budget. */
  private static int size(Value v, int budget) {
    if (v instanceof ObjectValue o) {
      if (o.size() > budget) {
        return -1;
      }
      int n = 1;
      for (Value k : o.keys()) {
        int s = size(o.get(k), budget - n);
        if (s < 0) {
          return -1;
        }
        n += s + 1;
      }
      return n > budget ? -1 : n;
    }
    if (v instanceof ArrayValue a) {
      if (a.size() > budget) {
        return -1;
      }
      int n = 1;
      for (int i = 0; i < a.size(); i++) {
        int s = size(a.get(i), budget - n);
        if (s < 0) {
          return -1;
        }
        n += s;
      }
      return n > budget ? -1 : n;
    }
    if (v instanceof SetValue s) {
      if (s.size() > budget) {
        return -1;
      }
      int n = 1;
      for (Value x : s.elements()) {
        int c = size(x, budget - n);
        if (c < 0) {
          return -1;
        }
        n += c;
      }
      return n > budget ? -1 : n;
    }
    return budget >= 1 ? 1 : -1;
  }

  /** Thrown inside the analysis when a rule depends on something other than its arguments and data. */
  private static final class Unshareable extends RuntimeException {
    Unshareable() {
      super(null, null, false, false);
    }
  }

  private static final Unshareable UNSHAREABLE = new Unshareable();
  /** The analysis of a document: the same for every input, or depending on more than input paths. */
  private static final Object CONSTANT = new Object();
  private static final Object UNSHARED = new Object();

  /** Rule by rule: which documents are input-independent, which functions read fixed paths. */
  private final class Analysis {
    /** Document nodes: CONSTANT, the plan of their input reads, or UNSHARED; absent when not analysed yet. */
    final Map<RuleNode, Object> docs = new IdentityHashMap<>();
    /** Function nodes: their plan, or null when they depend on more than their arguments. */
    final Map<RuleNode, Plan> functions = new IdentityHashMap<>();
    final Set<RuleNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    void visitTree(RuleNode n) {
      if (n.isFunction()) {
        function(n);
      } else if (n.hasRules()) {
        doc(n);
      }
      for (RuleNode c : n.children().values()) {
        visitTree(c);
      }
    }

    /**
     * What the document at n (its rules and everything below) depends on: nothing but data
     * (CONSTANT), the input through fixed paths (their plan), or more (UNSHARED).
     */
    Object doc(RuleNode n) {
      Object known = docs.get(n);
      if (known != null) {
        return known;
      }
      if (!inProgress.add(n)) {
        return UNSHARED;
      }
      Object info;
      try {
        Reads reads = new Reads(1, true);
        for (CompiledRule r : allRules(n)) {
          rule(r, Map.of("input", 0), reads);
        }
        for (RuleNode c : n.children().values()) {
          if (!c.isFunction()) {
            readThrough(c, reads);
          }
        }
        info = reads.paths.get(0).isEmpty() ? CONSTANT : new Plan(new Value[][][] {reads.paths.get(0).toArray(Value[][]::new)});
      } catch (Unshareable | BareUse e) {
        info = UNSHARED;
      } finally {
        inProgress.remove(n);
      }
      docs.put(n, info);
      return info;
    }

    /** Adds the input paths the document at n reads to reads (input being argument 0); throws when it reads more. */
    private void readThrough(RuleNode n, Reads reads) {
      Object info = doc(n);
      if (info == UNSHARED) {
        throw UNSHAREABLE;
      }
      if (info instanceof Plan p) {
        if (!reads.ofInput) {
          throw UNSHAREABLE; // a function may not read the input, not even through a document
        }
        for (Value[] path : p.reads[0]) {
          reads.add(0, path);
        }
      }
    }

    /** The function's plan, or null when it depends on more than its arguments. */
    Plan function(RuleNode n) {
      if (functions.containsKey(n)) {
        return functions.get(n);
      }
      if (!inProgress.add(n)) {
        return null;
      }
      Plan plan = null;
      try {
        plan = analyseFunction(n);
      } finally {
        inProgress.remove(n);
      }
      functions.put(n, plan);
      return plan;
    }

    private Plan analyseFunction(RuleNode n) {
      int arity = n.functionArity();
      List<CompiledRule> rules = allRules(n);
      // An argument is read by path when every clause names it with a variable; demoted to a
      // whole value when a clause uses it otherwise.
      boolean[] projected = new boolean[arity];
      Arrays.fill(projected, true);
      for (CompiledRule r : rules) {
        for (int i = 0; i < arity; i++) {
          if (!(r.rule().args().get(i) instanceof Term.Var)) {
            projected[i] = false;
          }
        }
      }
      while (true) {
        Reads reads = new Reads(arity, false);
        int demote = -1;
        try {
          for (CompiledRule r : rules) {
            Map<String, Integer> params = new HashMap<>();
            for (int i = 0; i < arity; i++) {
              if (projected[i] && r.rule().args().get(i) instanceof Term.Var v && !v.isWildcard()) {
                params.put(v.name(), i);
              }
            }
            rule(r, params, reads);
          }
        } catch (BareUse e) {
          demote = e.position;
        } catch (Unshareable e) {
          return null;
        }
        if (demote < 0) {
          Value[][][] out = new Value[arity][][];
          for (int i = 0; i < arity; i++) {
            out[i] = projected[i] ? reads.paths.get(i).toArray(Value[][]::new) : null;
          }
          return new Plan(out);
        }
        projected[demote] = false;
      }
    }

    private List<CompiledRule> allRules(RuleNode n) {
      List<CompiledRule> all = new ArrayList<>(n.rules());
      if (n.defaultRule() != null) {
        all.add(n.defaultRule());
      }
      return all;
    }

    private void rule(CompiledRule r, Map<String, Integer> params, Reads reads) {
      body(r.rule().body(), params, reads);
      term(r.rule().value(), params, reads);
      if (r.rule().key() != null) {
        term(r.rule().key(), params, reads);
      }
      for (Term t : r.suffix()) {
        term(t, params, reads);
      }
      for (ElseClause e : r.rule().elses()) {
        body(e.body(), params, reads);
        term(e.value(), params, reads);
      }
    }

    private void body(Body b, Map<String, Integer> params, Reads reads) {
      for (Literal l : b.literals()) {
        literal(l, params, reads);
      }
    }

    private void literal(Literal l, Map<String, Integer> params, Reads reads) {
      if (!l.withs().isEmpty()) {
        throw UNSHAREABLE;
      }
      Expr e = l.expr();
      if (e instanceof Expr.TermExpr t) {
        term(t.term(), params, reads);
      } else if (e instanceof Expr.Unify u) {
        term(u.left(), params, reads);
        term(u.right(), params, reads);
      } else if (e instanceof Expr.Assign a) {
        term(a.left(), params, reads);
        term(a.right(), params, reads);
      } else if (e instanceof Expr.SomeIn s) {
        if (s.key() != null) {
          term(s.key(), params, reads);
        }
        term(s.value(), params, reads);
        term(s.collection(), params, reads);
      } else if (e instanceof Expr.Every ev) {
        if (ev.key() != null) {
          term(ev.key(), params, reads);
        }
        term(ev.value(), params, reads);
        term(ev.domain(), params, reads);
        body(ev.body(), params, reads);
      }
    }

    /**
     * The guard of a rule whose document reads more than input paths: its leading literals that
     * read only input paths (where most records fail: "a CloudTrail call by someone who is not a
     * log reader"), and how they read the input. Null when there are none, or the rule has else
     * clauses (they run when the body fails).
     */
    Guard guard(CompiledRule r) {
      if (!r.rule().elses().isEmpty()) {
        return null;
      }
      List<Literal> lits = r.rule().body().literals();
      Reads reads = new Reads(1, true);
      int n = 0;
      for (Literal l : lits) {
        Reads mine = new Reads(1, true);
        try {
          literal(l, Map.of("input", 0), mine);
        } catch (Unshareable | BareUse e) {
          break;
        }
        mine.paths.get(0).forEach(path -> reads.add(0, path));
        n++;
      }
      if (n == 0 || reads.paths.get(0).isEmpty()) {
        return null;
      }
      return new Guard(n, new Plan(new Value[][][] {reads.paths.get(0).toArray(Value[][]::new)}));
    }

    private void term(Term t, Map<String, Integer> params, Reads reads) {
      if (t instanceof Term.Scalar) {
        return;
      }
      if (t instanceof Term.Var v) {
        Integer p = params.get(v.name());
        if (p != null) {
          throw new BareUse(p);
        }
        if (v.name().equals("input") || v.name().equals("data")) {
          throw UNSHAREABLE;
        }
        return;
      }
      if (t instanceof Term.Ref r) {
        ref(r, params, reads);
      } else if (t instanceof Term.Call c) {
        call(c, params, reads);
      } else if (t instanceof Term.ArrayTerm a) {
        a.items().forEach(x -> term(x, params, reads));
      } else if (t instanceof Term.SetTerm s) {
        s.items().forEach(x -> term(x, params, reads));
      } else if (t instanceof Term.ObjectTerm o) {
        o.keys().forEach(x -> term(x, params, reads));
        o.values().forEach(x -> term(x, params, reads));
      } else if (t instanceof Term.ArrayComprehension c) {
        term(c.head(), params, reads);
        body(c.body(), params, reads);
      } else if (t instanceof Term.SetComprehension c) {
        term(c.head(), params, reads);
        body(c.body(), params, reads);
      } else if (t instanceof Term.ObjectComprehension c) {
        term(c.key(), params, reads);
        term(c.value(), params, reads);
        body(c.body(), params, reads);
      } else {
        throw UNSHAREABLE;
      }
    }

    private void ref(Term.Ref r, Map<String, Integer> params, Reads reads) {
      List<Term> path = r.path();
      int fixed = 0;
      while (fixed < path.size() && pathKey(path.get(fixed)) != null) {
        fixed++;
      }
      if (r.head() instanceof Term.Var v && params.containsKey(v.name())) {
        if (path.isEmpty()) {
          throw new BareUse(params.get(v.name()));
        }
        reads.add(params.get(v.name()), keys(path, fixed));
      } else if (r.head() instanceof Term.Var v && v.name().equals("data")) {
        RuleNode n = root;
        for (int i = 0; i < fixed && n != null && !n.hasRules(); i++) {
          n = path.get(i) instanceof Term.Scalar s && s.value() instanceof StringValue str ? n.child(str.value()) : null;
        }
        if (n != null) {
          readThrough(n, reads);
        }
      } else {
        term(r.head(), params, reads);
      }
      for (int i = fixed; i < path.size(); i++) {
        term(path.get(i), params, reads);
      }
    }

    private void call(Term.Call c, Map<String, Integer> params, Reads reads) {
      Object target = target(c);
      if (target instanceof RuleNode fn) {
        Plan plan = function(fn);
        if (plan == null) {
          throw UNSHAREABLE;
        }
        for (int i = 0; i < c.args().size(); i++) {
          Term a = c.args().get(i);
          Integer param = param(a, params);
          if (i < plan.reads.length && param != null) {
            if (plan.reads[i] == null) {
              throw new BareUse(param);
            }
            for (Value[] p : plan.reads[i]) {
              reads.add(param, p);
            }
          } else {
            term(a, params, reads);
          }
        }
        return;
      }
      if (!(target instanceof String name) || IMPURE.contains(name)) {
        throw UNSHAREABLE;
      }
      if (name.equals("object.get") && c.args().size() == 3 && objectGet(c, params, reads)) {
        return;
      }
      c.args().forEach(a -> term(a, params, reads));
    }

    /** {@code object.get(r, key, default)} on an argument read by path: reads the path plus the key. */
    private boolean objectGet(Term.Call c, Map<String, Integer> params, Reads reads) {
      Term obj = c.args().get(0);
      Term key = c.args().get(1);
      Value[] base;
      Integer param = param(obj, params);
      if (param != null) {
        base = new Value[0];
      } else if (obj instanceof Term.Ref r && r.head() instanceof Term.Var v && params.containsKey(v.name())
          && r.path().stream().allMatch(p -> pathKey(p) != null)) {
        param = params.get(v.name());
        base = keys(r.path(), r.path().size());
      } else {
        return false;
      }
      List<Value> tail = new ArrayList<>();
      if (key instanceof Term.Scalar s && s.value() instanceof StringValue str) {
        tail.add(str);
      } else if (key instanceof Term.Scalar s && s.value() instanceof ArrayValue a && a.size() > 0
          && a.asList().stream().allMatch(StringValue.class::isInstance)) {
        tail.addAll(a.asList()); // a constant path, folded by the compiler
      } else if (key instanceof Term.ArrayTerm a && !a.items().isEmpty()
          && a.items().stream().allMatch(i -> i instanceof Term.Scalar s && s.value() instanceof StringValue)) {
        a.items().forEach(i -> tail.add(((Term.Scalar) i).value()));
      } else {
        return false;
      }
      Value[] full = Arrays.copyOf(base, base.length + tail.size());
      for (int i = 0; i < tail.size(); i++) {
        full[base.length + i] = tail.get(i);
      }
      reads.add(param, full);
      term(c.args().get(2), params, reads);
      return true;
    }

    /** The argument a term is, whole (a variable, or a reference without path), or null. */
    private Integer param(Term t, Map<String, Integer> params) {
      if (t instanceof Term.Var v) {
        return params.get(v.name());
      }
      return t instanceof Term.Ref r && r.path().isEmpty() && r.head() instanceof Term.Var v ? params.get(v.name()) : null;
    }

    /** The callee: a function's rule node, a builtin's name, or null when unknown. */
    private Object target(Term.Call c) {
      Term.Ref op = c.operator();
      if (op.head() instanceof Term.Var v && v.name().equals("data")) {
        RuleNode n = root;
        for (Term p : op.path()) {
          if (n == null || !(p instanceof Term.Scalar s && s.value() instanceof StringValue str)) {
            return null;
          }
          n = n.child(str.value());
        }
        return n != null && n.isFunction() ? n : null;
      }
      return builtins.contains(c.name()) ? c.name() : null;
    }
  }

  /** A path element known before evaluation (a string or number), or null. */
  private static Value pathKey(Term t) {
    return t instanceof Term.Scalar s && (s.value() instanceof StringValue || s.value() instanceof NumberValue)
        ? s.value() : null;
  }

  private static Value[] keys(List<Term> path, int n) {
    Value[] out = new Value[n];
    for (int i = 0; i < n; i++) {
      out[i] = pathKey(path.get(i));
    }
    return out;
  }

  /** A parameter read by path used as a whole value: that argument is then keyed whole. */
  private static final class BareUse extends RuntimeException {
    final int position;

    BareUse(int position) {
      super(null, null, false, false);
      this.position = position;
    }
  }

  /** The paths read per argument, each once; for a document, its one argument is the input. */
  private static final class Reads {
    final List<Set<List<Value>>> seen = new ArrayList<>();
    final List<List<Value[]>> paths = new ArrayList<>();
    final boolean ofInput;

    Reads(int arity, boolean ofInput) {
      this.ofInput = ofInput;
      for (int i = 0; i < arity; i++) {
        seen.add(new LinkedHashSet<>());
        paths.add(new ArrayList<>());
      }
    }

    void add(int param, Value[] path) {
      if (param < seen.size() && seen.get(param).add(List.of(path))) {
        paths.get(param).add(path);
      }
    }
  }
}

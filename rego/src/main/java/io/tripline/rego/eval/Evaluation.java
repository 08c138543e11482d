package io.tripline.rego.eval;

import io.tripline.rego.builtins.BuiltinContext;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.builtins.Navigation;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.value.Value;
import io.tripline.rego.compiler.CompiledQuery;
import io.tripline.rego.compiler.CompiledRule;
import io.tripline.rego.metadata.AnnotationSet;
import io.tripline.rego.metadata.RuleAnnotations;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state of one query evaluation: the documents in scope, caches, and the evaluator parts
 * (terms, references, unification, bodies, rules, calls). Created per evaluation, never shared.
 */
public final class Evaluation implements BuiltinContext {
  final RuleNode root;
  final BuiltinTable builtins;
  final boolean strict;
  private final Consumer<String> printHook;
  private final long now;
  private final Map<Object, Object> builtinCache = new HashMap<>();
  WithScope scope;
  /** The rule whose body is being evaluated (null in the query), for {@code rego.metadata.*}. */
  CompiledRule currentRule;
  final EvalTracer tracer;
  private final AnnotationSet annotations;

  final TermEval terms;
  final RefEval refs;
  final Unifier unifier;
  final BodyEval bodies;
  final RuleEval rules;
  final CallEval calls;
  final IndexLookup index;
  private boolean allowNet;
  /** Results shared with the policy's other evaluations (null: none). */
  SharedResults shared;
  /** Whether a deadline or cancellation applies: then {@link #tick} checks every 256 steps. */
  boolean limited;
  private long deadline;
  private String limitText;
  private Cancellation cancellation;
  private int steps;
  private io.tripline.rego.ast.Location lastAt = io.tripline.rego.ast.Location.NONE;

  public Evaluation(RuleNode root, BuiltinTable builtins, Value input, Value data, boolean strict,
      Consumer<String> printHook) {
    this(root, builtins, input, data, strict, printHook, AnnotationSet.EMPTY, null);
  }

  /** As above, with the modules' annotations (for {@code rego.metadata.*}) and an optional tracer. */
  public Evaluation(RuleNode root, BuiltinTable builtins, Value input, Value data, boolean strict,
      Consumer<String> printHook, AnnotationSet annotations, EvalTracer tracer) {
    this.annotations = annotations == null ? AnnotationSet.EMPTY : annotations;
    this.tracer = tracer;
    this.root = root;
    this.builtins = builtins;
    this.strict = strict;
    this.printHook = printHook;
    this.now = System.currentTimeMillis() * 1_000_000L;
    this.scope = new WithScope(input, data, Map.of(), Map.of());
    this.terms = new TermEval(this);
    this.refs = new RefEval(this);
    this.unifier = new Unifier(this);
    this.bodies = new BodyEval(this);
    this.rules = new RuleEval(this);
    this.calls = new CallEval(this);
    this.index = new IndexLookup(this);
  }

  /** Lets network builtins reach the network ({@code --allow-net}); off by default. */
  public Evaluation allowNet(boolean allow) {
    this.allowNet = allow;
    return this;
  }

  /** Shares input-independent documents and function results with the policy's other evaluations. */
  public Evaluation share(SharedResults results) {
    this.shared = results;
    return this;
  }

  /** Turns rule indexing off or on (on by default); results are the same either way. */
  public Evaluation ruleIndexing(boolean on) {
    index.enabled(on);
    return this;
  }

  /**
   * Rules already chosen by index for some nodes (a cross-document index lookup on this
   * evaluation's input); used in the outermost scope only, never under {@code with}.
   */
  public Evaluation preselect(Function<RuleNode, List<CompiledRule>> selection) {
    index.preselect(selection);
    return this;
  }

  /**
   * Stops this evaluation with {@code eval_cancel_error} once {@code System.nanoTime()} passes
   * {@code deadlineNanos} (0: no deadline; {@code what} names the limit in the message) or
   * {@code cancel} is cancelled (null: never).
   */
  public Evaluation limits(long deadlineNanos, String what, Cancellation cancel) {
    this.deadline = deadlineNanos;
    this.limitText = what;
    this.cancellation = cancel;
    this.limited = deadlineNanos != 0 || cancel != null;
    this.steps = 0;
    return this;
  }

  /** One evaluation step at {@code at}; checks the limits every 256 steps. Call only when {@link #limited}. */
  void tick(io.tripline.rego.ast.Location at) {
    if ((++steps & 255) == 0) {
      lastAt = at;
      checkLimits();
    }
  }

  private void checkLimits() {
    if (cancellation != null && cancellation.cancelled()) {
      throw new EvalException("eval_cancel_error", "caller cancelled query execution", lastAt);
    }
    if (deadline != 0 && System.nanoTime() - deadline > 0) {
      throw new EvalException("eval_cancel_error", "context deadline exceeded (" + limitText + ")", lastAt);
    }
  }

  @Override
  public void checkCancelled() {
    if (limited) {
      checkLimits();
    }
  }

  @Override
  public boolean allowNet() {
    return allowNet;
  }

  /** Evaluates a compiled query, returning every solution in evaluation order. */
  public List<Solution> run(CompiledQuery q) {
    List<Solution> out = new ArrayList<>();
    Bindings b = new Bindings();
    Value[] values = new Value[q.body().literals().size()];
    bodies.eval(q.body().literals(), 0, b, values, () -> {
      Value[] ordered = new Value[q.texts().size()];
      for (int i = 0; i < values.length; i++) {
        if (q.originalIndex()[i] >= 0) {
          ordered[q.originalIndex()[i]] = values[i];
        }
      }
      Map<String, Value> bound = new LinkedHashMap<>();
      for (String v : q.resultVars()) {
        Value x = b.get(v);
        if (x != null) {
          bound.put(v, x);
        }
      }
      out.add(new Solution(Arrays.asList(ordered), bound));
      return true;
    });
    return out;
  }

  /**
   * The value of the query's first expression in its first solution, or null when it has none:
   * {@code run(q).get(0).expressions().get(0)} without collecting the solutions (for a document
   * ref evaluated once per record, that bookkeeping costs more than the lookup).
   */
  public Value firstExpression(CompiledQuery q) {
    int at = -1;
    for (int i = 0; i < q.originalIndex().length; i++) {
      if (q.originalIndex()[i] == 0) {
        at = i;
      }
    }
    int first = at;
    Value[] values = new Value[q.body().literals().size()];
    Value[] result = new Value[1];
    boolean[] found = {false};
    bodies.eval(q.body().literals(), 0, new Bindings(), values, () -> {
      if (!found[0]) {
        found[0] = true;
        result[0] = first < 0 ? null : values[first];
      }
      return true;
    });
    return result[0];
  }

  /**
   * The document at node (a rule node), as the query {@code data.<node path>} would give it, without
   * evaluating a query: null when undefined. For callers that evaluate known documents per record.
   */
  public Value document(RuleNode node) {
    Value base = scope.data;
    for (String key : node.path()) {
      if (base == null) {
        break;
      }
      base = Navigation.child(base, StringValue.of(key));
    }
    return rules.document(node, base);
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public void print(String line) {
    if (printHook != null) {
      printHook.accept(line);
    }
  }

  @Override
  public Value metadataChain() {
    RuleAnnotations r = currentRule == null ? null : annotations.at(currentRule.rule().location());
    return r == null ? ArrayValue.EMPTY : r.chainValue();
  }

  @Override
  public Value metadataRule() {
    RuleAnnotations r = currentRule == null ? null : annotations.at(currentRule.rule().location());
    return r == null ? ObjectValue.EMPTY : r.ruleValue();
  }

  @Override
  public boolean strictErrors() {
    return strict;
  }

  /** Whether print output is collected (then every call must run to print). */
  boolean printing() {
    return printHook != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T cached(Object key, Supplier<T> compute) {
    Object v = builtinCache.get(key);
    if (v == null) {
      v = compute.get();
      builtinCache.put(key, v);
    }
    return (T) v;
  }
}

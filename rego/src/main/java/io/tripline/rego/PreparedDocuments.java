package io.tripline.rego;

import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.compiler.CompiledQuery;
import io.tripline.rego.compiler.CompiledRule;
import io.tripline.rego.compiler.RuleIndex;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.eval.EvalException;
import io.tripline.rego.eval.Evaluation;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several documents (typically the {@code alert} set of every rule package) evaluated together
 * for one input. At preparation the rules of all of them are indexed as one list by their
 * input conditions, so one lookup per input picks the few rules that can hold across the whole
 * library; a multi-value document none of whose rules can hold is the empty set without any
 * evaluation. Results equal evaluating each ref as a query. Immutable and thread-safe.
 */
public final class PreparedDocuments {
  private final PreparedPolicy policy;
  private final List<Entry> entries;
  private final List<String> refs;
  private final RuleIndex index;
  /** The indexed rules of all refs, in index order, and the entry each belongs to. */
  private final CompiledRule[] rules;
  private final int[] owner;
  /** The entry of each indexed rule node. */
  private final Map<RuleNode, Integer> entryOfNode = new IdentityHashMap<>();
  /**
   * The result when the index rules out every rule of every document (each document's value for
   * "no rule holds": an empty set, or undefined), shared: an input no rule can hold for costs one
   * index lookup. Null when some document must be evaluated whatever the index says.
   */
  private final DocumentValues noneEvaluated;

  /**
   * One ref: its compiled query, the rule node it names (null when not indexed), and its value
   * when the index says no rule can hold: the empty set for a plain multi-value rule, undefined
   * for a plain complete rule without default; null when it must be evaluated anyway.
   */
  private record Entry(String ref, CompiledQuery query, RuleNode node, Value whenNoCandidate) {}

  /** Stands for "undefined" as an entry's value when no rule can hold. */
  private static final Value UNDEFINED = SetValue.of(java.util.Set.of(io.tripline.rego.value.StringValue.of("undefined")));

  PreparedDocuments(PreparedPolicy policy, RuleNode root, List<String> refs) {
    this.policy = policy;
    List<Entry> es = new ArrayList<>();
    List<CompiledRule> all = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (String ref : refs) {
      String query = queryOf(ref);
      CompiledQuery q = policy.prepare(query);
      RuleNode node = nodeAt(root, query);
      if (node != null && node.fastIndex() != null) {
        boolean plain = node.children().isEmpty() && node.rules().stream().allMatch(r -> r.suffix().isEmpty());
        Value none = !plain ? null
            : node.kind() == RuleKind.MULTI_VALUE ? SetValue.EMPTY
            : node.kind() == RuleKind.SINGLE_VALUE && node.defaultRule() == null ? UNDEFINED
            : null;
        entryOfNode.putIfAbsent(node, es.size());
        es.add(new Entry(ref, q, node, none));
        for (CompiledRule r : node.rules()) {
          all.add(r);
          owners.add(es.size() - 1);
        }
      } else {
        es.add(new Entry(ref, q, null, null));
      }
    }
    this.entries = List.copyOf(es);
    this.refs = entries.stream().map(Entry::ref).toList();
    this.index = all.isEmpty() ? null : RuleIndex.build(all, root::find);
    this.rules = all.toArray(CompiledRule[]::new);
    this.owner = owners.stream().mapToInt(Integer::intValue).toArray();
    Value[] none = new Value[entries.size()];
    boolean shortcut = index != null;
    for (int e = 0; e < none.length && shortcut; e++) {
      Value v = entries.get(e).whenNoCandidate();
      shortcut = v != null;
      none[e] = v == UNDEFINED ? null : v;
    }
    this.noneEvaluated = shortcut ? new DocumentValues(refs, none, null, true) : null;
  }

  private static boolean isEmpty(long[] bits) {
    for (long w : bits) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }

  /** The refs, in the order given. */
  public List<String> refs() {
    return refs;
  }

  /**
   * Each ref's value for this input, in the order given; undefined documents are left out. With
   * {@link EvalOptions#ruleTimeout()} each document has that budget of its own: a document that
   * exceeds it is left out and listed in {@link DocumentValues#errors()}, and the others are still
   * evaluated. Other errors end the evaluation with a {@link RegoException}.
   */
  public DocumentValues evaluate(Value input, EvalOptions options) {
    if (policy.deepPolicy() && !DeepStack.onDeepStack()) {
      return DeepStack.call(() -> evaluate(input, options));
    }
    long[] candidates = index != null && options.ruleIndexing() && options.tracer() == null ? index.candidates(input) : null;
    if (candidates != null && noneEvaluated != null && isEmpty(candidates)) {
      return noneEvaluated;
    }
    Evaluation ev = policy.newEvaluation(input, options);
    List<CompiledRule>[] chosen = candidates == null ? null : select(ev, candidates);
    Value[] out = new Value[entries.size()];
    RegoError[] errors = null;
    long overall = options.timeout() == null ? 0 : System.nanoTime() + options.timeout().toNanos();
    String ruleLimit = options.ruleTimeout() == null ? null : "rule timeout " + PreparedPolicy.text(options.ruleTimeout());
    try {
      for (int e = 0; e < out.length; e++) {
        Entry entry = entries.get(e);
        if (chosen != null && entry.whenNoCandidate() != null && chosen[e] == null) {
          out[e] = entry.whenNoCandidate() == UNDEFINED ? null : entry.whenNoCandidate();
          continue;
        }
        if (ruleLimit != null) {
          long own = System.nanoTime() + options.ruleTimeout().toNanos();
          boolean ownFirst = overall == 0 || own - overall < 0;
          ev.limits(ownFirst ? own : overall, ownFirst ? ruleLimit : "timeout " + PreparedPolicy.text(options.timeout()),
              options.cancellation());
        }
        try {
          out[e] = value(ev, entry, options);
        } catch (EvalException x) {
          if (ruleLimit == null || !x.getMessage().endsWith("(" + ruleLimit + ")")) {
            throw x;
          }
          if (errors == null) {
            errors = new RegoError[out.length];
          }
          errors[e] = new RegoError(x.code(), x.getMessage(), x.location());
        }
      }
    } catch (EvalException x) {
      throw RegoException.of(x);
    } catch (StackOverflowError x) {
      if (!DeepStack.onDeepStack()) {
        return DeepStack.call(() -> evaluate(input, options));
      }
      throw PreparedPolicy.tooDeep(Location.NONE);
    }
    return new DocumentValues(refs, out, errors);
  }

  /**
   * One entry's value: an indexed rule node read directly, without evaluating its query (a
   * tracer sees the query, as OPA's would); {@code false} is left out as the query leaves it out.
   */
  private static Value value(Evaluation ev, Entry entry, EvalOptions options) {
    if (entry.node() == null || options.tracer() != null) {
      return ev.firstExpression(entry.query());
    }
    Value v = ev.document(entry.node());
    return v == BooleanValue.FALSE ? null : v;
  }

  /**
   * Looks the input up in the shared index: the rules each entry may need (null: none), handed to
   * the evaluation.
   */
  private List<CompiledRule>[] select(Evaluation ev, long[] candidates) {
    @SuppressWarnings("unchecked")
    List<CompiledRule>[] chosen = new List[entries.size()];
    for (int w = 0; w < candidates.length; w++) {
      for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(bits);
        int e = owner[i];
        if (chosen[e] == null) {
          chosen[e] = new ArrayList<>(2);
        }
        chosen[e].add(rules[i]);
      }
    }
    ev.preselect(node -> {
      Integer e = entryOfNode.get(node);
      return e == null ? null : chosen[e] == null ? List.of() : chosen[e];
    });
    return chosen;
  }

  private static String queryOf(String ref) {
    String dotted = ref.replace('/', '.');
    return dotted.startsWith("data.") || dotted.equals("data") ? dotted : "data." + dotted;
  }

  private static RuleNode nodeAt(RuleNode root, String query) {
    RuleNode n = root;
    String[] parts = query.split("\\.");
    for (int i = 1; i < parts.length && n != null; i++) {
      n = n.child(parts[i]);
    }
    return n;
  }
}

package io.tripline.rego;

import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.compiler.CompiledQuery;
import io.tripline.rego.compiler.CompiledRule;
import io.tripline.rego.compiler.RuleIndex;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.eval.EvalException;
import io.tripline.rego.eval.Evaluation;
import io.tripline.rego.eval.Solution;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private final RuleIndex index;

  /** One ref: its compiled query, the rule node it names (or null), and where its rules sit in the shared index. */
  private record Entry(String ref, CompiledQuery query, RuleNode node, int offset, boolean emptyWhenNoCandidate) {}

  PreparedDocuments(PreparedPolicy policy, RuleNode root, List<String> refs) {
    this.policy = policy;
    List<Entry> es = new ArrayList<>();
    List<CompiledRule> all = new ArrayList<>();
    for (String ref : refs) {
      String query = queryOf(ref);
      CompiledQuery q = policy.prepare(query);
      RuleNode node = nodeAt(root, query);
      if (node != null && node.index() != null) {
        boolean plainSet = node.kind() == RuleKind.MULTI_VALUE && node.children().isEmpty()
            && node.rules().stream().allMatch(r -> r.suffix().isEmpty());
        es.add(new Entry(ref, q, node, all.size(), plainSet));
        all.addAll(node.rules());
      } else {
        es.add(new Entry(ref, q, null, -1, false));
      }
    }
    this.entries = List.copyOf(es);
    this.index = all.isEmpty() ? null : RuleIndex.build(all);
  }

  /** The refs, in the order given. */
  public List<String> refs() {
    return entries.stream().map(Entry::ref).toList();
  }

  /** Each ref's value for this input, in the order given; undefined documents are left out. */
  public Map<String, Value> evaluate(Value input, EvalOptions options) {
    Evaluation ev = policy.newEvaluation(input, options);
    long[] candidates = index != null && options.ruleIndexing() ? index.candidates(input) : null;
    Map<RuleNode, List<CompiledRule>> selection = new HashMap<>();
    Map<String, Value> out = new LinkedHashMap<>();
    try {
      for (Entry e : entries) {
        if (candidates != null && e.node() != null) {
          List<CompiledRule> chosen = chosen(e, candidates);
          if (chosen.isEmpty() && e.emptyWhenNoCandidate()) {
            out.put(e.ref(), SetValue.EMPTY);
            continue;
          }
          selection.put(e.node(), chosen);
          ev.preselect(selection);
        }
        List<Solution> s = ev.run(e.query());
        if (!s.isEmpty()) {
          out.put(e.ref(), s.get(0).expressions().get(0));
        }
      }
    } catch (EvalException x) {
      throw RegoException.of(x);
    } catch (StackOverflowError x) {
      throw new RegoException(List.of(new RegoError("eval_internal_error", "evaluation too deep", Location.NONE)));
    }
    return out;
  }

  private static List<CompiledRule> chosen(Entry e, long[] candidates) {
    List<CompiledRule> rules = e.node().rules();
    List<CompiledRule> out = new ArrayList<>(2);
    for (int i = 0; i < rules.size(); i++) {
      if (RuleIndex.isSet(candidates, e.offset() + i)) {
        out.add(rules.get(i));
      }
    }
    return out;
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

package io.tripline.rego.eval;

import io.tripline.rego.compiler.CompiledRule;
import io.tripline.rego.compiler.RuleIndex;
import io.tripline.rego.compiler.RuleNode;
import java.util.List;
import java.util.function.Function;

/**
 * Which rules of a node to evaluate: all of them, or, with rule indexing on, those whose
 * indexed input conditions hold for the input in scope (a {@code with input as} replacement
 * included). A caller that already looked the input up for several nodes at once may hand in
 * its selection for the evaluation's outermost scope.
 */
final class IndexLookup {
  private final Evaluation ev;
  private boolean enabled = true;
  private WithScope preselectedScope;
  private Function<RuleNode, List<CompiledRule>> preselected;

  IndexLookup(Evaluation ev) {
    this.ev = ev;
  }

  void enabled(boolean on) {
    this.enabled = on;
  }

  /** Rules already selected for some nodes under the current (outermost) scope; null for other nodes. */
  void preselect(Function<RuleNode, List<CompiledRule>> selection) {
    this.preselectedScope = ev.scope;
    this.preselected = selection;
  }

  List<CompiledRule> rules(RuleNode node) {
    List<CompiledRule> all = node.rules();
    RuleIndex index = ev.tracer == null ? node.fastIndex() : node.index();
    if (!enabled || index == null || !ev.scope.mocks.isEmpty() || !ev.scope.dataOverrides.isEmpty()) {
      return all;
    }
    if (ev.scope == preselectedScope) {
      List<CompiledRule> chosen = preselected.apply(node);
      if (chosen != null) {
        return chosen;
      }
    }
    return index.matching(all, ev.scope.input);
  }
}

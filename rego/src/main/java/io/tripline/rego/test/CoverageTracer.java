package io.tripline.rego.test;

import io.tripline.rego.ast.Location;
import io.tripline.rego.eval.EvalTracer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Records the lines of evaluated expressions and of rule heads whose body held, per file, as OPA's cover does. */
final class CoverageTracer implements EvalTracer {
  private final Map<String, Set<Integer>> hits = new HashMap<>();

  @Override
  public void expression(Location at) {
    hit(at);
  }

  @Override
  public void ruleSucceeded(Location at) {
    hit(at);
  }

  private void hit(Location at) {
    if (at != null && !at.file().isEmpty()) {
      hits.computeIfAbsent(at.file(), f -> new TreeSet<>()).add(at.line());
    }
  }

  Map<String, Set<Integer>> hits() {
    return hits;
  }
}

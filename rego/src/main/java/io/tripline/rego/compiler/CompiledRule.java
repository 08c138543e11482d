package io.tripline.rego.compiler;

import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import java.util.List;

/**
 * A rule after name resolution and safety ordering. {@code suffix} holds the head terms after
 * the rule's node path (the keys of a partial object, {@code [x]} in {@code p[x] := v}).
 */
public record CompiledRule(Rule rule, List<String> path, List<Term> suffix) {
  public RuleKind kind() {
    return rule.kind();
  }

  /** The rule's full name: {@code data.a.b.p}. */
  public String fullName() {
    return "data." + String.join(".", path);
  }
}

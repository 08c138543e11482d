package io.tripline.rego.test;

import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.TermWalk;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parameterized test (OPA 1.x): {@code test_x[name] if { some name, tc in cases; ... }} is a
 * partial object whose keys are sub-tests. A sub-test passes when the rule's value at its key is
 * {@code true}; it fails when its key was reached (the body bound the key) but the rest of the
 * body did not hold. To know which keys were reached, as OPA's injected {@code internal.test_case}
 * call does, a companion rule ({@link #casesRule}) holds the body up to the literal that binds
 * the key; it is appended to the test's module before compiling.
 */
record ParameterizedTest(Rule rule, String keyVar, int prefixLength) {
  static final String CASES_PREFIX = "__tripline_cases_";

  /** The parameterized test a rule is, or null when it is an ordinary test. */
  static ParameterizedTest of(Rule r) {
    if (r.kind() != RuleKind.SINGLE_VALUE || r.head().path().size() != 1
        || !(r.head().path().get(0) instanceof Term.Var key) || key.isWildcard()) {
      return null;
    }
    List<Literal> lits = r.body().literals();
    for (int i = 0; i < lits.size(); i++) {
      Set<String> vars = new HashSet<>();
      TermWalk.literal(lits.get(i), t -> {
        if (t instanceof Term.Var v) {
          vars.add(v.name());
        }
      });
      if (vars.contains(key.name())) {
        return new ParameterizedTest(r, key.name(), i + 1);
      }
    }
    return new ParameterizedTest(r, key.name(), lits.size());
  }

  /** Name of the companion rule holding the keys reached. */
  String casesName() {
    return CASES_PREFIX + rule.name();
  }

  /**
   * The companion rule's source, or null when the key is bound by the last literal (then every
   * key reached is a key of the rule itself).
   */
  String casesRule(String source, RegoVersion version) {
    List<Literal> lits = rule.body().literals();
    if (prefixLength >= lits.size()) {
      return null;
    }
    String[] lines = source.split("\n", -1);
    int from = offset(lines, lits.get(0));
    int to = offset(lines, lits.get(prefixLength));
    String prefix = source.substring(from, to).strip();
    while (prefix.endsWith(";")) {
      prefix = prefix.substring(0, prefix.length() - 1).strip();
    }
    String head = casesName() + "[" + keyVar + "] = true";
    return "\n" + head + (version == RegoVersion.V1 ? " if {\n" : " {\n") + prefix + "\n}\n";
  }

  private static int offset(String[] lines, Literal l) {
    int off = 0;
    for (int i = 0; i < l.location().line() - 1; i++) {
      off += lines[i].length() + 1;
    }
    return off + l.location().col() - 1;
  }
}

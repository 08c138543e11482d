package io.tripline.iam.policy;

import java.util.List;

/**
 * The result of parsing a policy document: the document, unless an error stops it, and every
 * problem found.
 *
 * @param document the document, or null when {@link #problems()} holds an error
 * @param problems errors and warnings, with JSON pointers relative to the document
 */
public record ParsedPolicy(PolicyDocument document, List<PolicyProblem> problems) {
  public ParsedPolicy {
    problems = List.copyOf(problems);
  }

  /** True when AWS would accept the document. */
  public boolean ok() {
    return document != null;
  }

  public List<PolicyProblem> errors() {
    return problems.stream().filter(p -> p.severity() == PolicyProblem.Severity.ERROR).toList();
  }

  public List<PolicyProblem> warnings() {
    return problems.stream().filter(p -> p.severity() == PolicyProblem.Severity.WARNING).toList();
  }
}

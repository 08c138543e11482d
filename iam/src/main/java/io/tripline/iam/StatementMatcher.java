package io.tripline.iam;

import io.tripline.iam.policy.ElementList;
import io.tripline.iam.policy.PolicyDocument;
import io.tripline.iam.policy.Statement;

/**
 * Decides whether a statement applies to one request: its Action/NotAction, Resource/NotResource,
 * Principal/NotPrincipal and Condition must all match ("Policy evaluation logic", and the element
 * pages of the IAM JSON policy reference).
 */
final class StatementMatcher {

  private final String action;
  private final String resource;
  private final RequestPrincipal principal;
  private final RequestContext context;
  private final GlobCache globs;

  StatementMatcher(String action, String resource, RequestPrincipal principal, RequestContext context, GlobCache globs) {
    this.globs = globs;
    this.action = action.toLowerCase(java.util.Locale.ROOT);
    this.resource = resource;
    this.principal = principal;
    this.context = context;
  }

  /**
   * How the statement applies: {@link PrincipalMatch#NONE} when it does not; otherwise how its
   * Principal named the caller ({@link PrincipalMatch#EVERYONE} for statements without Principal).
   */
  PrincipalMatch applies(Statement st, PolicyDocument doc) {
    if (!actionMatches(st.action())) {
      return PrincipalMatch.NONE;
    }
    boolean variables = doc.variablesEnabled();
    if (!resourceMatches(st.resource(), variables)) {
      return PrincipalMatch.NONE;
    }
    PrincipalMatch who = PrincipalMatcher.match(st.principal(), principal);
    if (who == PrincipalMatch.NONE) {
      return who;
    }
    return ConditionEvaluator.holds(st.conditions(), context, variables, globs) ? who : PrincipalMatch.NONE;
  }

  /**
   * The key of the first condition that keeps an otherwise applying statement from applying
   * (action, resource and principal match), or null when it applies or fails for another reason.
   */
  String failedCondition(Statement st, PolicyDocument doc) {
    if (st.conditions().isEmpty() || !actionMatches(st.action()) || !resourceMatches(st.resource(), doc.variablesEnabled())
        || PrincipalMatcher.match(st.principal(), principal) == PrincipalMatch.NONE) {
      return null;
    }
    for (var c : st.conditions()) {
      if (!ConditionEvaluator.holds(c, context, doc.variablesEnabled(), globs)) {
        return c.key();
      }
    }
    return null;
  }

  /** Case-insensitive wildcard match of the whole {@code service:Action}; NotAction inverts. */
  boolean actionMatches(ElementList list) {
    boolean any = false;
    for (String pattern : list.values()) {
      if (pattern.equals("*") || globs.action(pattern).matchesLowerCase(action)) {
        any = true;
        break;
      }
    }
    return list.negated() != any;
  }

  /**
   * Case-sensitive ARN match; {@code "*"} matches everything, including the {@code *} of actions
   * without resource types, which no ARN pattern matches. An entry whose variable cannot be
   * resolved matches nothing. A statement without Resource (trust policies) matches any resource.
   */
  boolean resourceMatches(ElementList list, boolean variables) {
    if (list == null) {
      return true;
    }
    boolean any = false;
    for (String raw : list.values()) {
      PolicyVariables.Text t = variables ? PolicyVariables.substitute(raw, context) : PolicyVariables.literal(raw);
      if (t == null) {
        continue;
      }
      if (t.value().equals("*") && (t.literal() == null || !t.literal().get(0))) {
        any = true;
        break;
      }
      Glob glob = t.literal() == null ? globs.resource(t.value()) : Glob.compile(t.value(), t.literal(), Glob.Mode.RESOURCE_ARN);
      if (!resource.equals("*") && glob.matches(resource)) {
        any = true;
        break;
      }
    }
    return list.negated() != any;
  }
}

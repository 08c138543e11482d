package io.tripline.iam;

import io.tripline.iam.policy.ConditionClause;
import io.tripline.iam.policy.ConditionOperator;
import io.tripline.iam.policy.DateValue;
import io.tripline.iam.policy.IpRange;
import io.tripline.iam.policy.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates a statement's Condition block against the request context. Sources (IAM User Guide):
 * "IAM JSON policy elements: Condition operators", "Creating a condition with multiple context keys
 * or values", "Single-valued vs. multivalued context keys".
 *
 * <ul>
 *   <li>All operators and all keys must hold (AND); the values listed for one key are ORed; a
 *       negated operator holds when the request value matches none of them.
 *   <li>Absent key: {@code …IfExists} holds; ForAllValues holds; ForAnyValue fails; otherwise a
 *       positive operator fails and a negated one holds.
 *   <li>A key given as an array without a set operator: a positive operator holds when any request
 *       value matches; a negated one when none does.
 * </ul>
 */
final class ConditionEvaluator {

  private ConditionEvaluator() {}

  static boolean holds(List<ConditionClause> clauses, RequestContext context, boolean variables, GlobCache globs) {
    for (ConditionClause c : clauses) {
      if (!holds(c, context, variables, globs)) {
        return false;
      }
    }
    return true;
  }

  static boolean holds(ConditionClause c, RequestContext context, boolean variables, GlobCache globs) {
    List<String> given = context.get(c.key());
    ConditionOperator op = c.operator();
    if (op == ConditionOperator.NULL) {
      boolean absent = given == null || given.isEmpty();
      for (String v : c.values()) {
        if (v.equalsIgnoreCase("true") == absent) {
          return true;
        }
      }
      return false;
    }
    if (given == null) {
      if (c.ifExists()) {
        return true;
      }
      return switch (c.qualifier()) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> op.negated();
      };
    }
    if (c.qualifier() == SetQualifier.FOR_ALL_VALUES) {
      for (String r : given) {
        if (!valueHolds(op, r, c.values(), context, variables, globs)) {
          return false;
        }
      }
      return true;
    }
    if (c.qualifier() == SetQualifier.FOR_ANY_VALUE) {
      for (String r : given) {
        if (valueHolds(op, r, c.values(), context, variables, globs)) {
          return true;
        }
      }
      return false;
    }
    boolean anyPositive = false;
    for (String r : given) {
      if (positiveAny(op, r, c.values(), context, variables, globs)) {
        anyPositive = true;
        break;
      }
    }
    return op.negated() != anyPositive;
  }

  private static boolean valueHolds(ConditionOperator op, String requestValue, List<String> policyValues, RequestContext context, boolean variables, GlobCache globs) {
    return op.negated() != positiveAny(op, requestValue, policyValues, context, variables, globs);
  }

  /** Whether the positive form of {@code op} matches {@code requestValue} against any policy value. */
  private static boolean positiveAny(ConditionOperator op, String requestValue, List<String> policyValues, RequestContext context, boolean variables, GlobCache globs) {
    boolean substitute = variables && op.family().allowsVariables();
    for (String raw : policyValues) {
      PolicyVariables.Text p = substitute ? PolicyVariables.substitute(raw, context) : PolicyVariables.literal(raw);
      if (p == null) {
        continue; // an unresolvable variable matches nothing
      }
      if (positive(op, requestValue, p, globs)) {
        return true;
      }
    }
    return false;
  }

  private static boolean positive(ConditionOperator op, String r, PolicyVariables.Text p, GlobCache globs) {
    String v = p.value();
    return switch (op) {
      case STRING_EQUALS, STRING_NOT_EQUALS -> r.equals(v);
      case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
          r.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT));
      case STRING_LIKE, STRING_NOT_LIKE -> (p.literal() == null ? globs.string(v) : Glob.compile(v, p.literal(), Glob.Mode.STRING)).matches(r);
      case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compareNumbers(r, v).map(x -> x == 0).orElse(false);
      case NUMERIC_LESS_THAN -> compareNumbers(r, v).map(x -> x < 0).orElse(false);
      case NUMERIC_LESS_THAN_EQUALS -> compareNumbers(r, v).map(x -> x <= 0).orElse(false);
      case NUMERIC_GREATER_THAN -> compareNumbers(r, v).map(x -> x > 0).orElse(false);
      case NUMERIC_GREATER_THAN_EQUALS -> compareNumbers(r, v).map(x -> x >= 0).orElse(false);
      case DATE_EQUALS, DATE_NOT_EQUALS -> compareDates(r, v).map(x -> x == 0).orElse(false);
      case DATE_LESS_THAN -> compareDates(r, v).map(x -> x < 0).orElse(false);
      case DATE_LESS_THAN_EQUALS -> compareDates(r, v).map(x -> x <= 0).orElse(false);
      case DATE_GREATER_THAN -> compareDates(r, v).map(x -> x > 0).orElse(false);
      case DATE_GREATER_THAN_EQUALS -> compareDates(r, v).map(x -> x >= 0).orElse(false);
      case BOOL -> r.equalsIgnoreCase(v);
      case BINARY_EQUALS -> binaryEquals(r, v);
      case IP_ADDRESS, NOT_IP_ADDRESS -> IpRange.parse(v).map(range -> range.contains(r)).orElse(false);
      case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> arnLike(r, p);
      case NULL -> false;
    };
  }

  private static Optional<Integer> compareNumbers(String request, String policy) {
    try {
      return Optional.of(new BigDecimal(request.trim()).compareTo(new BigDecimal(policy.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> compareDates(String request, String policy) {
    Optional<Instant> a = DateValue.parse(request);
    Optional<Instant> b = DateValue.parse(policy);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(a.get().compareTo(b.get()));
  }

  private static boolean binaryEquals(String request, String policy) {
    try {
      return Arrays.equals(Base64.getDecoder().decode(request.trim()), Base64.getDecoder().decode(policy.trim()));
    } catch (IllegalArgumentException e) {
      return request.equals(policy);
    }
  }

  /**
   * ArnEquals / ArnLike: each of the six colon-separated segments matches on its own, so a wildcard
   * never spans a colon outside the resource part.
   */
  private static boolean arnLike(String request, PolicyVariables.Text pattern) {
    String p = pattern.value();
    String[] rs = request.split(":", 6);
    if (rs.length < 6 || !rs[0].equals("arn")) {
      return false;
    }
    if (p.equals("*") && (pattern.literal() == null || !pattern.literal().get(0))) {
      return true;
    }
    int offset = 0;
    for (int seg = 0; seg < 6; seg++) {
      int colon = seg < 5 ? p.indexOf(':', offset) : p.length();
      if (colon < 0) {
        return false;
      }
      String part = p.substring(offset, colon);
      java.util.BitSet lit = pattern.literal() == null ? null : pattern.literal().get(offset, colon);
      if (!Glob.compile(part, lit, Glob.Mode.STRING).matches(rs[seg])) {
        return false;
      }
      offset = colon + 1;
    }
    return true;
  }
}

package io.tripline.iam.policy;

import java.util.List;

/**
 * One key under one operator of a Condition block, for example {@code
 * "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]}}. Values are kept as written
 * (JSON numbers and booleans as their text); policy variables are substituted at evaluation time.
 *
 * @param operatorText the operator as written
 * @param qualifier ForAllValues / ForAnyValue / none
 * @param operator the base operator
 * @param ifExists true for the {@code …IfExists} form
 * @param key the condition key as written (compared case-insensitively)
 * @param values the policy values; several values are ORed
 */
public record ConditionClause(
    String operatorText,
    SetQualifier qualifier,
    ConditionOperator operator,
    boolean ifExists,
    String key,
    List<String> values) {
  public ConditionClause {
    values = List.copyOf(values);
  }
}

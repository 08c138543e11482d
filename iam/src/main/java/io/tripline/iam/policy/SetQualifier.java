package io.tripline.iam.policy;

/** The set operator prefix of a condition operator, for multivalued context keys. */
public enum SetQualifier {
  NONE,
  FOR_ALL_VALUES,
  FOR_ANY_VALUE
}

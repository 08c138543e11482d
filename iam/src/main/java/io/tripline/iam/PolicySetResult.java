package io.tripline.iam;

import java.util.ArrayList;
import java.util.List;

/** The statements of a set of policies (one policy type, or one SCP/RCP level) that applied. */
final class PolicySetResult {

  final List<MatchedStatement> allows = new ArrayList<>();
  final List<MatchedStatement> denies = new ArrayList<>();
  /** The strongest way an applying Allow named the caller (resource-based policies). */
  PrincipalMatch bestAllow = PrincipalMatch.NONE;
  /** Allow statements that would have applied but for a condition: "statement X allows but its condition K failed". */
  final List<String> failedAllows = new ArrayList<>();

  /** The reason suffix naming allows that a condition stopped, or "". */
  String failedAllowNote() {
    return failedAllows.isEmpty() ? "" : "; " + String.join("; ", failedAllows);
  }

  boolean allows() {
    return !allows.isEmpty();
  }
}

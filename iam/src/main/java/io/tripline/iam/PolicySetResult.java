package io.tripline.iam;

import java.util.ArrayList;
import java.util.List;

/** The statements of a set of policies (one policy type, or one SCP/RCP level) that applied. */
final class PolicySetResult {

  final List<MatchedStatement> allows = new ArrayList<>();
  final List<MatchedStatement> denies = new ArrayList<>();
  /** The strongest way an applying Allow named the caller (resource-based policies). */
  PrincipalMatch bestAllow = PrincipalMatch.NONE;

  boolean allows() {
    return !allows.isEmpty();
  }
}

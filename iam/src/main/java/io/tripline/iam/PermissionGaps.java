package io.tripline.iam.gaps;

import io.tripline.iam.access.Grant;
import io.tripline.iam.access.PrincipalAccess;
import java.util.List;
import java.util.Locale;

/** Granted but unused: the sensitive permissions a principal holds and did not use in an activity window. */
public final class PermissionGaps {

  private PermissionGaps() {}

  /** The grants of {@code access} (log reading, tampering, escalation) that no allowed call of the window used. */
  public static List<Grant> unusedSensitive(PrincipalAccess access, ActivityWindow window) {
    List<ActivityCall> calls = window.calls(access.principal().arn()).stream().filter(c -> !c.denied()).toList();
    return access.grants().stream().filter(g -> calls.stream().noneMatch(c -> uses(c, g))).toList();
  }

  static boolean uses(ActivityCall c, Grant g) {
    return c.action().toLowerCase(Locale.ROOT).equals(g.probe().action().toLowerCase(Locale.ROOT))
        && ActivityWindow.covers(g.probe().resource(), c.resource());
  }
}

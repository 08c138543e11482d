package io.tripline.iam.gaps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.iam.access.EffectiveAccessJson;
import io.tripline.iam.access.Grant;
import io.tripline.iam.access.PrincipalAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Adds an activity window to effective-access documents: {@code activity} (the window and the
 * principal's call count) and {@code unusedSensitive} (the grants no allowed call used), the input
 * of check TRL-IAM-009.
 */
public final class UnusedPermissions implements UnaryOperator<ObjectNode> {

  private final ActivityWindow window;
  private final Map<String, PrincipalAccess> byArn = new LinkedHashMap<>();

  /** @param analysis the account's effective access, as the audit computed it */
  public UnusedPermissions(List<PrincipalAccess> analysis, ActivityWindow window) {
    this.window = window;
    analysis.forEach(a -> byArn.put(a.principal().arn(), a));
  }

  @Override
  public ObjectNode apply(ObjectNode doc) {
    String arn = doc.path("principal").path("arn").asText();
    PrincipalAccess a = byArn.get(arn);
    if (a == null) {
      return doc;
    }
    ObjectNode act = doc.putObject("activity");
    act.put("from", window.from() == null ? null : window.from().toString());
    act.put("to", window.to() == null ? null : window.to().toString());
    act.put("calls", window.calls(arn).size());
    ArrayNode unused = doc.putArray("unusedSensitive");
    for (Grant g : PermissionGaps.unusedSensitive(a, window)) {
      unused.add(EffectiveAccessJson.grant(g));
    }
    return doc;
  }
}

package io.tripline.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a decision, as {@code tripline iam evaluate} prints it: {@code {"decision",
 * "decidingPolicyType", "matchedStatements": [{"policyType", "policy", "sid", "effect"}], "reason"}}.
 */
public final class DecisionJson {

  private DecisionJson() {}

  public static ObjectNode toJson(AccessDecision d) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("decision", d.decision().text());
    out.put("decidingPolicyType", d.decidingPolicyType() == null ? null : d.decidingPolicyType().text());
    var list = out.putArray("matchedStatements");
    for (MatchedStatement m : d.matchedStatements()) {
      ObjectNode s = list.addObject();
      s.put("policyType", m.policyType().text());
      s.put("policy", m.policy());
      s.put("sid", m.sid());
      s.put("effect", m.effect().text());
    }
    out.put("reason", d.reason());
    return out;
  }
}

package io.tripline.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.Technique;

/**
 * One finding as a JSON object ({@code tripline detect --format json|jsonl}):
 * {@code {rule: {id, title, severity, riskScore, kind, mitre}, severity, message, alert, trigger:
 * {eventID, eventTime, principalArn, sourceIPAddress, eventSource, eventName}, correlation: {group,
 * windowStart, windowEnd, eventIDs} | null}}.
 */
public final class FindingJson {
  private FindingJson() {}

  public static ObjectNode of(Finding f) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode o = n.objectNode();
    o.set("rule", rule(f.rule()));
    o.put("severity", f.severity().label());
    o.put("message", f.message());
    o.set("alert", f.alert());
    ObjectNode t = o.putObject("trigger");
    t.put("eventID", f.trigger().eventID());
    t.put("eventTime", f.trigger().eventTime().toString());
    t.put("principalArn", f.trigger().principalArn());
    t.put("sourceIPAddress", f.trigger().sourceIPAddress());
    t.put("eventSource", f.trigger().eventSource());
    t.put("eventName", f.trigger().eventName());
    if (f.correlation() == null) {
      o.putNull("correlation");
    } else {
      ObjectNode c = o.putObject("correlation");
      ObjectNode g = c.putObject("group");
      f.correlation().group().forEach(g::put);
      c.put("windowStart", f.correlation().windowStart().toString());
      c.put("windowEnd", f.correlation().windowEnd().toString());
      ArrayNode ids = c.putArray("eventIDs");
      f.correlation().eventIDs().forEach(ids::add);
    }
    return o;
  }

  /** The rule's identifying metadata. */
  public static ObjectNode rule(RuleInfo r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", r.id());
    o.put("title", r.title());
    o.put("severity", r.severity().label());
    o.put("riskScore", r.riskScore());
    o.put("kind", r.kind().label());
    o.put("outcome", r.outcome());
    ArrayNode m = o.putArray("mitre");
    for (Technique t : r.mitre()) {
      m.addObject().put("id", t.id()).put("version", t.version());
    }
    return o;
  }
}

package io.tripline.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;

/** Builds {@link Finding}s from alert values. */
final class Findings {
  private Findings() {}

  static Finding of(RuleInfo rule, Value alert, long index, CloudTrailRecord r, Finding.Correlation correlation) {
    JsonNode node = ValueJson.toNode(alert);
    ObjectNode obj;
    if (node instanceof ObjectNode o) {
      obj = o;
    } else {
      obj = JsonNodeFactory.instance.objectNode();
      obj.put("message", node.isTextual() ? node.textValue() : node.toString());
    }
    Severity severity = rule.severity();
    JsonNode own = obj.get("severity");
    if (own != null && own.isTextual()) {
      severity = Severity.parse(own.textValue()).orElse(severity);
    }
    return new Finding(rule, severity, obj, index, trigger(r), correlation);
  }

  static Finding.Trigger trigger(CloudTrailRecord r) {
    String arn = r.userIdentity().arn();
    if (arn == null) {
      arn = r.userIdentity().invokedBy() != null ? r.userIdentity().invokedBy() : r.userIdentity().principalId();
    }
    return new Finding.Trigger(r.eventID(), r.eventTime(), arn, r.sourceIPAddress(), r.eventSource(), r.eventName());
  }
}

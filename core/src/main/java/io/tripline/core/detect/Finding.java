package io.tripline.core.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert of one rule: the rule and its metadata, the severity (the alert's own
 * {@code severity} when it sets a valid one, else the rule's), the alert object as the rule wrote
 * it, and the record that triggered it. A correlation finding also names its group, window and
 * every contributing eventID; its trigger is the record that completed the pattern.
 */
public record Finding(RuleInfo rule, Severity severity, ObjectNode alert, long recordIndex, Trigger trigger,
    Correlation correlation) {

  /** The record that raised the finding. */
  public record Trigger(String eventID, Instant eventTime, String principalArn, String sourceIPAddress,
      String eventSource, String eventName) {}

  /** What a correlation rule grouped: key values, first and last record time, every eventID. */
  public record Correlation(Map<String, String> group, Instant windowStart, Instant windowEnd, List<String> eventIDs) {}

  /** The alert's {@code message}. */
  public String message() {
    return alert.path("message").asText("");
  }

  /** The eventIDs behind the finding: the trigger, or every record of a correlation. */
  public List<String> eventIDs() {
    return correlation != null ? correlation.eventIDs() : List.of(trigger.eventID());
  }
}

package io.tripline.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudTrail record, kept losslessly: the JSON object exactly as read (every field, unknown
 * ones too, in their order), with typed accessors for the fields detections use. Field names are
 * AWS's ("CloudTrail record contents"). The JSON tree is owned by the record; callers must not
 * mutate it.
 */
public final class CloudTrailRecord {

  private final ObjectNode json;
  private final Instant eventTime;

  private CloudTrailRecord(ObjectNode json, Instant eventTime) {
    this.json = json;
    this.eventTime = eventTime;
  }

  /**
   * Wraps a record object.
   *
   * @throws InvalidRecordException if {@code eventTime} is missing or not an ISO-8601 instant
   */
  public static CloudTrailRecord of(ObjectNode json) {
    Objects.requireNonNull(json, "json");
    JsonNode time = json.get("eventTime");
    if (time == null || time.isNull()) {
      throw new InvalidRecordException("/eventTime", "the record has no eventTime; every CloudTrail record needs one (e.g. \"2024-03-14T21:15:10Z\")");
    }
    if (!time.isTextual()) {
      throw new InvalidRecordException("/eventTime", "eventTime must be a string like \"2024-03-14T21:15:10Z\", not " + time.getNodeType().toString().toLowerCase());
    }
    try {
      return new CloudTrailRecord(json, EventTime.parse(time.textValue()));
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException("/eventTime", "eventTime \"" + time.asText() + "\" is not an ISO-8601 UTC time like \"2024-03-14T21:15:10Z\" (or \"2024-03-14 21:15:10\", read as UTC)");
    }
  }

  /** The whole record as JSON, fields in their original order. */
  public ObjectNode json() {
    return json;
  }

  public Instant eventTime() {
    return eventTime;
  }

  public String eventVersion() { return text("eventVersion"); }
  public String eventSource() { return text("eventSource"); }
  public String eventName() { return text("eventName"); }
  public String awsRegion() { return text("awsRegion"); }
  public String sourceIPAddress() { return text("sourceIPAddress"); }
  public String userAgent() { return text("userAgent"); }
  public String errorCode() { return text("errorCode"); }
  public String errorMessage() { return text("errorMessage"); }
  public String requestID() { return text("requestID"); }
  public String eventID() { return text("eventID"); }
  public String eventType() { return text("eventType"); }
  public String recipientAccountId() { return text("recipientAccountId"); }
  public String eventCategory() { return text("eventCategory"); }
  public String sharedEventID() { return text("sharedEventID"); }
  public String vpcEndpointId() { return text("vpcEndpointId"); }

  /** {@code readOnly}; empty when the record does not say (some service events omit it). */
  public Optional<Boolean> readOnly() { return bool(json.get("readOnly")); }

  public Optional<Boolean> managementEvent() { return bool(json.get("managementEvent")); }

  public Optional<Boolean> sessionCredentialFromConsole() { return bool(json.get("sessionCredentialFromConsole")); }

  /** Request parameters as logged; {@code null} JSON when AWS logged none. */
  public JsonNode requestParameters() { return node("requestParameters"); }
  public JsonNode responseElements() { return node("responseElements"); }
  public JsonNode additionalEventData() { return node("additionalEventData"); }
  public JsonNode tlsDetails() { return node("tlsDetails"); }
  public JsonNode serviceEventDetails() { return node("serviceEventDetails"); }

  /** The {@code resources} array (data events and some management events); empty when absent. */
  public List<Resource> resources() {
    JsonNode r = json.get("resources");
    if (r == null || !r.isArray()) {
      return List.of();
    }
    List<Resource> out = new ArrayList<>(r.size());
    for (JsonNode n : r) {
      out.add(new Resource(textOf(n, "ARN"), textOf(n, "accountId"), textOf(n, "type")));
    }
    return List.copyOf(out);
  }

  public UserIdentity userIdentity() {
    return new UserIdentity(json.get("userIdentity"));
  }

  /** True when the call failed: CloudTrail writes an {@code errorCode}. */
  public boolean failed() {
    return errorCode() != null;
  }

  private JsonNode node(String field) {
    JsonNode n = json.get(field);
    return n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n;
  }

  private String text(String field) {
    return textOf(json, field);
  }

  static String textOf(JsonNode parent, String field) {
    if (parent == null) {
      return null;
    }
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Optional<Boolean> bool(JsonNode n) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (n.isBoolean()) {
      return Optional.of(n.booleanValue());
    }
    return Optional.of(Boolean.parseBoolean(n.asText()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CloudTrailRecord other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "CloudTrailRecord[" + eventTime + " " + eventSource() + " " + eventName() + "]";
  }

  /** One entry of {@code resources}: {@code ARN}, {@code accountId}, {@code type}. */
  public record Resource(String arn, String accountId, String type) {}
}

package io.tripline.core.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tripline.core.record.CloudTrailRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CloudTrail record as an Elastic Common Schema document, field for field as Elastic's AWS
 * integration ({@code packages/aws/data_stream/cloudtrail}, ingest pipeline {@code default.yml})
 * indexes it into {@code logs-aws.cloudtrail-*}, so that Elastic detection rules (for example
 * "AWS CloudTrail Log Updated") and dashboards work on Tripline's output. Not produced: the parts
 * Elastic derives from external data (GeoIP, ASN, user-agent parsing, {@code related.entity}) and
 * {@code event.original} (Elastic keeps it only with the {@code preserve_original_event} tag).
 * The mapping table is in README.md, section "CloudTrail logs (core)".
 */
public final class EcsDocument {

  /** The ECS version Elastic's pipeline writes into {@code ecs.version}. */
  public static final String ECS_VERSION = "8.11.0";

  /** Elastic keeps the {@code flattened} copy only for strings shorter than a keyword's limit. */
  private static final int FLATTENED_LIMIT = 32766;

  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern IPV4 = Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

  private final ObjectNode doc = JsonNodeFactory.instance.objectNode();
  private final JsonNode json;

  private EcsDocument(JsonNode prunedRecord) {
    this.json = prunedRecord;
  }

  /** The ECS document for {@code record}; the record is not modified. */
  public static ObjectNode of(CloudTrailRecord record) {
    JsonNode pruned = Pruning.pruned(record.json());
    EcsDocument d = new EcsDocument(pruned == null ? JsonNodeFactory.instance.objectNode() : pruned);
    d.map(record);
    return d.doc;
  }

  private void map(CloudTrailRecord record) {
    put("@timestamp", text(MILLIS.format(record.eventTime())));
    put("ecs.version", text(ECS_VERSION));
    put("event.dataset", text("aws.cloudtrail"));
    put("cloud.provider", text("aws"));
    identity();
    event();
    source();
    copy("userAgent", "user_agent.original");
    copy("errorCode", "aws.cloudtrail.error_code");
    copy("errorMessage", "aws.cloudtrail.error_message");
    stringified("requestParameters", "request_parameters");
    stringified("responseElements", "response_elements");
    stringified("additionalEventData", "additional_eventdata");
    stringified("serviceEventDetails", "service_event_details");
    copy("requestID", "aws.cloudtrail.request_id");
    copy("eventID", "event.id");
    copy("eventType", "aws.cloudtrail.event_type");
    copy("apiVersion", "aws.cloudtrail.api_version");
    copy("managementEvent", "aws.cloudtrail.management_event");
    copy("readOnly", "aws.cloudtrail.read_only");
    resources();
    copy("recipientAccountId", "aws.cloudtrail.recipient_account_id");
    copy("sharedEventID", "aws.cloudtrail.shared_event_id");
    copy("vpcEndpointId", "aws.cloudtrail.vpc_endpoint_id");
    relatedUser(at("aws.cloudtrail.flattened.request_parameters.userName"));
    relatedUser(at("aws.cloudtrail.flattened.request_parameters.newUserName"));
    consoleLogin();
    categorize();
    targets();
    tls();
  }

  private void identity() {
    copy("eventVersion", "aws.cloudtrail.event_version");
    copy("userIdentity.type", "aws.cloudtrail.user_identity.type");
    relatedUser(json.at("/userIdentity/userName"));
    copy("userIdentity.userName", "user.name");
    copy("userIdentity.principalId", "user.id");
    copy("userIdentity.arn", "aws.cloudtrail.user_identity.arn");
    copy("userIdentity.accountId", "cloud.account.id");
    copy("userIdentity.accessKeyId", "aws.cloudtrail.user_identity.access_key_id");
    copy("userIdentity.sessionContext.attributes.mfaAuthenticated", "aws.cloudtrail.user_identity.session_context.mfa_authenticated");
    JsonNode created = json.at("/userIdentity/sessionContext/attributes/creationDate");
    date(created).ifPresent(t -> put("aws.cloudtrail.user_identity.session_context.creation_date", text(MILLIS.format(t))));
    String issuer = "userIdentity.sessionContext.sessionIssuer.";
    String target = "aws.cloudtrail.user_identity.session_context.session_issuer.";
    copy(issuer + "type", target + "type");
    copy(issuer + "userName", "user.name");
    copy(issuer + "principalId", target + "principal_id");
    copy(issuer + "arn", target + "arn");
    copy(issuer + "accountId", target + "account_id");
    copy("userIdentity.invokedBy", "aws.cloudtrail.user_identity.invoked_by");
  }

  private void event() {
    copy("eventSource", "event.provider");
    copy("eventName", "event.action");
    copy("eventCategory", "aws.cloudtrail.event_category");
    copy("awsRegion", "cloud.region");
  }

  private void source() {
    JsonNode address = field("sourceIPAddress");
    if (address == null) {
      return;
    }
    put("source.address", address);
    String a = address.asText();
    if (IPV4.matcher(a).matches() || IPV6.matcher(a).matches()) {
      put("source.ip", address);
    }
  }

  /** {@code aws.cloudtrail.<name>} as Painless text, plus the object under {@code flattened}. */
  private void stringified(String from, String name) {
    JsonNode value = field(from);
    if (value == null) {
      return;
    }
    String s = PainlessText.of(value);
    put("aws.cloudtrail." + name, text(s));
    if (s.length() < FLATTENED_LIMIT) {
      put("aws.cloudtrail.flattened." + name, value);
    }
  }

  /** Resources with {@code ARN}/{@code accountId} renamed, duplicates (same arn, account, type) dropped. */
  private void resources() {
    JsonNode resources = field("resources");
    if (resources == null || !resources.isArray()) {
      return;
    }
    Map<String, ObjectNode> unique = new HashMap<>();
    for (JsonNode r : resources) {
      if (!r.isObject()) {
        continue;
      }
      ObjectNode renamed = JsonNodeFactory.instance.objectNode();
      r.fields().forEachRemaining(e -> renamed.set(
          e.getKey().equals("ARN") ? "arn" : e.getKey().equals("accountId") ? "account_id" : e.getKey(), e.getValue()));
      String key = renamed.path("arn").asText("") + "_" + renamed.path("account_id").asText("") + "_" + renamed.path("type").asText("");
      unique.put(key, renamed);
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    unique.values().forEach(out::add);
    put("aws.cloudtrail.resources", out);
  }

  /** ConsoleLogin's additionalEventData as booleans, as Elastic's pipeline adds them. */
  private void consoleLogin() {
    if (!"ConsoleLogin".equals(json.path("eventName").asText(null))) {
      return;
    }
    JsonNode data = at("aws.cloudtrail.flattened.additional_eventdata");
    String base = "aws.cloudtrail.console_login.additional_eventdata.";
    if (data.has("MobileVersion")) {
      put(base + "mobile_version", JsonNodeFactory.instance.booleanNode(!"No".equals(data.get("MobileVersion").asText())));
    }
    if (data.has("LoginTo")) {
      put(base + "login_to", data.get("LoginTo"));
    }
    if (data.has("MFAUsed")) {
      put(base + "mfa_used", JsonNodeFactory.instance.booleanNode(!"No".equals(data.get("MFAUsed").asText())));
    }
  }

  private void categorize() {
    put("event.kind", text("event"));
    put("event.type", JsonNodeFactory.instance.arrayNode().add("info"));
    boolean failed = !at("aws.cloudtrail.error_code").isMissingNode() || !at("aws.cloudtrail.error_message").isMissingNode();
    put("event.outcome", text(failed ? "failure" : "success"));
    JsonNode action = at("event.action");
    if (action.isMissingNode()) {
      return;
    }
    JsonNode login = at("aws.cloudtrail.flattened.response_elements.ConsoleLogin");
    if ("ConsoleLogin".equals(action.asText()) && !login.isMissingNode()) {
      put("event.outcome", text(login.asText().toLowerCase(Locale.ROOT)));
    }
    EcsCategorization.of(action.asText()).ifPresent(c -> {
      ArrayNode category = JsonNodeFactory.instance.arrayNode();
      c.category().forEach(category::add);
      ArrayNode type = JsonNodeFactory.instance.arrayNode();
      c.type().forEach(type::add);
      put("event.category", category);
      put("event.type", type);
    });
  }

  private void targets() {
    copyWithin("aws.cloudtrail.flattened.response_elements.group.groupId", "group.id");
    copyWithin("aws.cloudtrail.flattened.response_elements.user.userId", "user.target.id");
    copyWithin("aws.cloudtrail.flattened.request_parameters.newUserName", "user.changes.name");
    copyWithin("aws.cloudtrail.flattened.request_parameters.groupName", "group.name");
    copyWithin("aws.cloudtrail.flattened.request_parameters.userName", "user.target.name");
  }

  /** {@code tlsDetails.tlsVersion} "TLSv1.2" becomes tls.version_protocol "tls" and tls.version "1.2". */
  private void tls() {
    JsonNode version = field("tlsDetails.tlsVersion");
    if (version != null) {
      String v = version.asText();
      int i = v.indexOf('v');
      if (i > 0) {
        put("tls.version_protocol", text(v.substring(0, i).toLowerCase(Locale.ROOT)));
        put("tls.version", text(v.substring(i + 1)));
      }
    }
    copy("tlsDetails.cipherSuite", "tls.cipher");
    copy("tlsDetails.clientProvidedHostHeader", "tls.client.server_name");
  }

  private void relatedUser(JsonNode name) {
    if (name == null || name.isMissingNode() || !name.isValueNode()) {
      return;
    }
    JsonNode related = at("related.user");
    ArrayNode users = related.isArray() ? (ArrayNode) related : JsonNodeFactory.instance.arrayNode();
    for (JsonNode u : users) {
      if (u.asText().equals(name.asText())) {
        return;
      }
    }
    users.add(name.asText());
    put("related.user", users);
  }

  private static Optional<Instant> date(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  // --- small tree utilities over dotted paths ---

  /** The pruned record's field at a dotted path, or {@code null}. */
  private JsonNode field(String dotted) {
    JsonNode n = json.at("/" + dotted.replace('.', '/'));
    return n.isMissingNode() ? null : n;
  }

  private void copy(String from, String to) {
    JsonNode value = field(from);
    if (value != null) {
      put(to, value);
    }
  }

  private void copyWithin(String from, String to) {
    JsonNode value = at(from);
    if (!value.isMissingNode() && value.isValueNode()) {
      put(to, text(value.asText()));
    }
  }

  /** The document's value at a dotted path, or a missing node. */
  private JsonNode at(String dotted) {
    JsonNode n = doc;
    for (String part : dotted.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  private void put(String dotted, JsonNode value) {
    if (dotted.startsWith("@")) {
      doc.set(dotted, value);
      return;
    }
    String[] parts = dotted.split("\\.");
    ObjectNode node = doc;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value.deepCopy());
  }

  private static TextNode text(String s) {
    return TextNode.valueOf(s);
  }
}

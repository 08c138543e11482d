package io.tripline.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.catalog.ApiCall;
import io.tripline.simulator.catalog.ServiceSpec;
import io.tripline.simulator.scenario.Actor;
import io.tripline.simulator.template.Template;
import io.tripline.simulator.world.EventFacts;
import io.tripline.simulator.world.World;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes one CloudTrail record for one call, fields in the order AWS writes them
 * ("CloudTrail record contents"): identity, time, source, name, region, IP, user agent, error,
 * request, response, additional data, ids, readOnly, resources, type, category, TLS, console flag.
 */
final class RecordSynthesizer {

  static final String GLOBAL_REGION = "us-east-1";

  /** The request side of a call: what selectors and effects need before the record is written. */
  record Request(ApiCall call, CallScope scope, JsonNode requestParameters, EventFacts facts) {}

  /** Resolves script parameters and builds requestParameters. */
  /** Script parameters compiled once per run (steps repeat; baselines reuse their mix entries). */
  private final Map<ObjectNode, Template> compiledParams = new IdentityHashMap<>();
  /** userIdentity, tlsDetails and user agents repeat across a run's records; they are built once and shared (never mutated). */
  private final Map<String, ObjectNode> identities = new HashMap<>();
  private final Map<String, ObjectNode> tls = new HashMap<>();

  Request request(ApiCall call, CallScope scope, ObjectNode scriptParams, World world) {
    scope.action = call.action();
    ObjectNode resolved = scriptParams.isEmpty() ? scriptParams
        : (ObjectNode) compiledParams.computeIfAbsent(scriptParams, Template::compile).evaluate(scope);
    scope.params = resolved;
    scope.targetTrail = targetTrail(resolved, world, scope);
    JsonNode request = requestParameters(call, scope, resolved);
    ObjectNode effective;
    if (resolved.isEmpty() && request instanceof ObjectNode r) {
      effective = r;
    } else {
      effective = Template.NODES.objectNode();
      effective.setAll(resolved);
      if (request != null && request.isObject()) {
        effective.setAll((ObjectNode) request);
      }
    }
    scope.params = effective;
    scope.resourceArn = call.resourceArn();
    return new Request(call, scope, request, facts(call, scope));
  }

  private static JsonNode requestParameters(ApiCall call, CallScope scope, ObjectNode script) {
    Template t = call.request();
    if (t instanceof Template.Literal l && l.value().isNull()) {
      return null;
    }
    if (!(t instanceof Template.Obj obj)) {
      return t.evaluate(scope);
    }
    ObjectNode out = Template.NODES.objectNode();
    for (Template.Field f : obj.fields()) {
      JsonNode given = script.get(f.name());
      JsonNode v = given != null ? given : f.value().evaluate(scope);
      if (v != null) {
        out.set(f.name(), v);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = script.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey()) && !call.consumedParams().contains(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static JsonNode targetTrail(ObjectNode params, World world, CallScope scope) {
    JsonNode ref = params.has("name") ? params.get("name") : params.get("trailName");
    if (ref != null && ref.isTextual() && (params.has("trailName") || scope.action.contains("Trail") || scope.action.contains("Logging"))) {
      JsonNode known = world.trailVariables(ref.asText());
      if (known != null) {
        return known;
      }
      String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
      ObjectNode stub = Template.NODES.objectNode();
      stub.put("name", name);
      stub.put("arn", ref.asText().startsWith("arn:") ? ref.asText() : "arn:aws:cloudtrail:" + scope.region + ":" + scope.account + ":trail/" + name);
      return stub;
    }
    JsonNode primary = world.variables().get("trail");
    return primary == null ? Template.NODES.objectNode() : primary;
  }

  private static EventFacts facts(ApiCall call, CallScope scope) {
    String dataArn = null;
    String type = null;
    if (call.dataEvent()) {
      JsonNode bucket = scope.params.get("bucketName");
      JsonNode key = scope.params.get("key");
      type = "AWS::S3::Object";
      dataArn = "arn:aws:s3:::" + (bucket == null ? "" : bucket.asText()) + "/" + (key == null ? "" : key.asText());
    }
    return new EventFacts(call.service().eventSource(), call.eventName(), call.readOnly(), call.dataEvent(), scope.region,
        call.service().global(), type, dataArn);
  }

  /**
   * The record. {@code errorCode} is null on success, {@code "denied"} for the service's
   * access-denied shape, or an AWS error code.
   */
  ObjectNode record(Request r, String errorCode, String userAgent, Instant sessionStart) {
    ApiCall call = r.call();
    CallScope scope = r.scope();
    ResolvedActor actor = scope.actor;
    boolean service = actor.actor().type() == Actor.ActorType.AWSService;
    ObjectNode o = new ObjectNode(Template.NODES, new java.util.LinkedHashMap<>(48));
    o.put("eventVersion", call.eventVersion());
    String invokedBy = actor.actor().console() && !call.signinIdentity() && call.service().consoleUserAgent().equals(ServiceSpec.CONSOLE_AGENT)
        ? ServiceSpec.CONSOLE_AGENT : actor.actor().invokedBy().orElse(null);
    if (call.serviceEvent()) {
      return serviceEvent(call, scope, o);
    }
    o.set("userIdentity", identities.computeIfAbsent(actor.accessKeyId() + (call.signinIdentity() ? "|s|" : "|") + invokedBy + "|" + sessionStart.getEpochSecond(),
        k -> identity(actor, call.signinIdentity(), sessionStart, invokedBy)));
    o.put("eventTime", EventTimes.format(scope.time));
    o.put("eventSource", call.service().eventSource());
    o.put("eventName", call.eventName());
    o.put("awsRegion", scope.region);
    o.put("sourceIPAddress", actor.actor().sourceIp());
    o.put("userAgent", userAgent);
    JsonNode response;
    if (errorCode == null) {
      response = call.response().evaluate(scope);
    } else if (errorCode.equals("denied")) {
      ApiCall.DeniedShape d = call.whenDenied();
      if (d.errorCode() != null) {
        o.put("errorCode", d.errorCode());
      }
      o.set("errorMessage", d.errorMessage().evaluate(scope));
      response = d.response().evaluate(scope);
    } else {
      o.put("errorCode", errorCode);
      Template message = call.service().errorMessages().get(errorCode);
      o.set("errorMessage", message == null ? Template.NODES.textNode(humanize(errorCode)) : message.evaluate(scope));
      response = null;
    }
    o.set("requestParameters", r.requestParameters() == null ? Template.NODES.nullNode() : r.requestParameters());
    o.set("responseElements", response == null ? Template.NODES.nullNode() : response);
    if (call.additionalEventData() != null) {
      JsonNode extra = call.additionalEventData().evaluate(scope);
      if (errorCode != null && extra instanceof ObjectNode fields && !call.service().payloadSizes().isEmpty()) {
        // An error response transfers no object: its payload sizes are zero, whatever a script asked for.
        call.service().payloadSizes().stream().filter(fields::has).forEach(f -> fields.put(f, 0));
      }
      o.set("additionalEventData", extra);
    }
    if (!call.requestIdStyle().equals("none")) {
      o.put("requestID", call.requestIdStyle().equals("s3") ? scope.ids.hex(16).toUpperCase() : scope.ids.uuid());
    }
    o.put("eventID", scope.ids.uuid());
    o.put("readOnly", call.readOnly());
    if (call.resources() != null) {
      o.set("resources", call.resources().evaluate(scope));
    }
    o.put("eventType", call.eventType());
    o.put("managementEvent", !call.dataEvent());
    o.put("recipientAccountId", scope.account);
    if (!actor.account().equals(scope.account)) {
      o.put("sharedEventID", scope.ids.uuid());
    }
    o.put("eventCategory", call.eventCategory());
    if (!service) {
      String host = text(call.endpoint().evaluate(scope), call.service().name() + ".amazonaws.com");
      o.set("tlsDetails", tls.computeIfAbsent(host, h -> {
        ObjectNode t = Template.NODES.objectNode();
        t.put("tlsVersion", "TLSv1.3");
        t.put("cipherSuite", "TLS_AES_128_GCM_SHA256");
        t.put("clientProvidedHostHeader", h);
        return t;
      }));
    }
    if (actor.actor().console() && !call.signinIdentity()) {
      o.put("sessionCredentialFromConsole", "true");
    }
    return o;
  }

  /** An AWS service event: the service is the caller; {@code serviceEventDetails} carries what happened. */
  private static ObjectNode serviceEvent(ApiCall call, CallScope scope, ObjectNode o) {
    String source = call.service().eventSource();
    ObjectNode u = o.putObject("userIdentity");
    u.put("accountId", scope.account);
    u.put("invokedBy", source);
    o.put("eventTime", EventTimes.format(scope.time));
    o.put("eventSource", source);
    o.put("eventName", call.eventName());
    o.put("awsRegion", scope.region);
    o.put("sourceIPAddress", source);
    o.put("userAgent", source);
    o.putNull("requestParameters");
    o.putNull("responseElements");
    o.put("eventID", scope.ids.uuid());
    o.put("readOnly", call.readOnly());
    if (call.resources() != null) {
      o.set("resources", call.resources().evaluate(scope));
    }
    o.put("eventType", call.eventType());
    o.put("managementEvent", true);
    o.put("recipientAccountId", scope.account);
    if (call.serviceEventDetails() != null) {
      o.set("serviceEventDetails", call.serviceEventDetails().evaluate(scope));
    }
    o.put("eventCategory", call.eventCategory());
    return o;
  }

  /** The {@code userIdentity} element for this actor, as CloudTrail writes it per identity type. */
  static ObjectNode identity(ResolvedActor a, boolean signin, Instant sessionStart, String invokedBy) {
    Actor actor = a.actor();
    ObjectNode u = Template.NODES.objectNode();
    u.put("type", actor.type().name());
    if (actor.type() == Actor.ActorType.AWSService) {
      u.put("invokedBy", actor.service());
      return u;
    }
    u.put("principalId", a.principalId());
    u.put("arn", a.arn());
    u.put("accountId", a.account());
    if (!signin) {
      u.put("accessKeyId", a.accessKeyId());
    }
    if (actor.type() == Actor.ActorType.IAMUser) {
      u.put("userName", actor.userName());
    }
    boolean session = actor.type() == Actor.ActorType.AssumedRole || actor.type() == Actor.ActorType.FederatedUser || actor.console();
    if (session && !signin) {
      ObjectNode ctx = u.putObject("sessionContext");
      ObjectNode issuer = ctx.putObject("sessionIssuer");
      if (actor.type() == Actor.ActorType.AssumedRole || actor.type() == Actor.ActorType.FederatedUser) {
        boolean role = actor.type() == Actor.ActorType.AssumedRole;
        issuer.put("type", role ? "Role" : "IAMUser");
        issuer.put("principalId", a.issuerPrincipalId());
        issuer.put("arn", a.issuerArn());
        issuer.put("accountId", a.account());
        issuer.put("userName", role ? actor.roleName() : a.issuerArn().substring(a.issuerArn().lastIndexOf('/') + 1));
      }
      ctx.putObject("webIdFederationData");
      ObjectNode attrs = ctx.putObject("attributes");
      attrs.put("creationDate", sessionStart.toString());
      attrs.put("mfaAuthenticated", Boolean.toString(actor.mfa()));
    }
    if (invokedBy != null) {
      u.put("invokedBy", invokedBy);
    }
    return u;
  }

  private static String humanize(String code) {
    String base = code.endsWith("Exception") ? code.substring(0, code.length() - 9) : code;
    return base.replaceAll("([a-z])([A-Z])", "$1 $2") + ".";
  }

  private static String text(JsonNode n, String otherwise) {
    return n == null || n.isNull() ? otherwise : n.asText();
  }
}

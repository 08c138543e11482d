package io.tripline.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.template.Expression;
import io.tripline.simulator.template.Template;
import io.tripline.simulator.template.TemplateScope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The variables and generators one call's templates see. Built per call; not shared. */
final class CallScope implements TemplateScope {

  static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter LAMBDA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS+0000", Locale.US).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.US).withZone(ZoneOffset.UTC);

  final Ids ids;
  final Instant time;
  final String account;
  final String region;
  final ResolvedActor actor;
  final Map<String, ResolvedActor> actors;
  final ObjectNode world;
  final int repetition;
  JsonNode params;
  String action = "";
  String requestId = "";
  JsonNode targetTrail;
  /** Which policy type refused a denied call: identity, scp, rcp, resource, boundary or session. */
  String deniedBy = "identity";
  /** For a call the replay's policies denied: whether a Deny statement did (null: scripted, the type's usual wording). */
  Boolean explicitDeny;
  /** The denied message's resource, evaluated only when a message needs it. */
  Template resourceArn;

  CallScope(Ids ids, Instant time, String account, String region, ResolvedActor actor, Map<String, ResolvedActor> actors,
      ObjectNode world, int repetition, JsonNode params) {
    this.ids = ids;
    this.time = time;
    this.account = account;
    this.region = region;
    this.actor = actor;
    this.actors = actors;
    this.world = world;
    this.repetition = repetition;
    this.params = params;
  }

  @Override
  public JsonNode lookup(String root, String[] rest) {
    return switch (root) {
      case "params" -> TemplateScope.walk(params, rest);
      case "account" -> Template.NODES.textNode(account);
      case "region" -> Template.NODES.textNode(region);
      case "action" -> Template.NODES.textNode(action);
      case "requestID" -> Template.NODES.textNode(requestId);
      case "resourceArn" -> {
        JsonNode v = resourceArn == null ? null : resourceArn.evaluate(this);
        yield v == null || v.isNull() ? Template.NODES.textNode("*") : v;
      }
      case "actor" -> actor == null ? null : TemplateScope.walk(actor.variables(), rest);
      case "actors" -> {
        ResolvedActor a = rest.length == 0 ? null : actors.get(rest[0]);
        yield a == null ? null : TemplateScope.walk(a.variables(), java.util.Arrays.copyOfRange(rest, 1, rest.length));
      }
      case "world" -> TemplateScope.walk(world, rest);
      case "denial" -> rest.length == 1 ? Template.NODES.textNode(Denials.context(deniedBy, rest[0] + ":" + action, explicitDeny)) : null;
      case "trail" -> TemplateScope.walk(world.get("trail"), rest);
      case "trails" -> TemplateScope.walk(world.get("trails"), rest);
      case "target" -> rest.length > 0 && rest[0].equals("trail")
          ? TemplateScope.walk(targetTrail, java.util.Arrays.copyOfRange(rest, 1, rest.length)) : null;
      case "repeat" -> rest.length == 1 && rest[0].equals("index") ? Template.NODES.numberNode(repetition)
          : rest.length == 1 && rest[0].equals("number") ? Template.NODES.numberNode(repetition + 1) : null;
      case "time" -> rest.length == 1 ? Template.NODES.textNode(time(rest[0], time)) : null;
      case "assumedRoleArn" -> {
        JsonNode roleArn = params.get("roleArn");
        JsonNode session = params.get("roleSessionName");
        if (roleArn == null) {
          yield null;
        }
        String r = roleArn.asText();
        yield Template.NODES.textNode("arn:aws:sts::" + account + ":assumed-role/" + r.substring(r.lastIndexOf('/') + 1) + "/" + (session == null ? "session" : session.asText()));
      }
      default -> null;
    };
  }

  @Override
  public JsonNode generate(Expression.Generator g) {
    return switch (g.name()) {
      case "uuid" -> Template.NODES.textNode(ids.uuid());
      case "hex" -> Template.NODES.textNode(ids.hex(g.length()));
      case "upper" -> Template.NODES.textNode(ids.upper(g.length()));
      case "base64" -> Template.NODES.textNode(ids.base64(g.length()));
      case "int" -> Template.NODES.numberNode(ids.between(g.min(), g.max()));
      case "time" -> Template.NODES.textNode(time(g.format(), time.plus(g.offset())));
      default -> null;
    };
  }

  private static String time(String format, Instant t) {
    return switch (format) {
      case "legacy" -> LEGACY.format(t);
      case "lambda" -> LAMBDA.format(t);
      case "datePath" -> DATE_PATH.format(t);
      case "epochMillis" -> Long.toString(t.toEpochMilli());
      default -> t.toString();
    };
  }

}

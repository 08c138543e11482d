package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.catalog.ApiCall;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.source.Diagnostic;
import io.tripline.simulator.source.LocatedTree;
import io.tripline.simulator.template.Durations;
import io.tripline.simulator.template.Expression;
import io.tripline.simulator.template.Template;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a schema-valid tree into a {@link Scenario}, checking what the schema cannot: calls known
 * to the catalog, actors that exist, times and durations that parse, variables that resolve.
 */
final class ScenarioReader {

  static final String DEFAULT_ACCOUNT = "123456789012";
  static final String DEFAULT_REGION = "us-east-1";
  private static final Set<String> VARIABLE_ROOTS = Set.copyOf(Variables.ROOTS);

  private final ApiCatalog catalog;
  private final List<Diagnostic> problems = new ArrayList<>();
  private LocatedTree tree;

  ScenarioReader(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  Scenario read(LocatedTree tree, String id) {
    this.tree = tree;
    JsonNode r = tree.root();
    Map<String, Actor> actors = actors(r.path("actors"), "/actors");
    Optional<Instant> start = Optional.empty();
    Duration startOffset = Duration.ZERO;
    if (r.has("start")) {
      Duration relative = Durations.parse(r.get("start"));
      if (relative != null) {
        startOffset = checked(relative, "start", "/start");
      } else {
        start = Optional.ofNullable(instant(r.get("start"), "/start"));
      }
    }
    List<Step> steps = new ArrayList<>();
    JsonNode stepNodes = r.path("steps");
    for (int i = 0; i < stepNodes.size(); i++) {
      steps.add(step(stepNodes.get(i), i, LocatedTree.child("/steps", i), actors, start));
    }
    Scenario scenario = new Scenario(id, r.path("title").asText(), r.path("description").asText("").strip(), strings(r.path("mitre")),
        strings(r.path("references")), r.path("detection").asText("").strip(), r.path("account").asText(DEFAULT_ACCOUNT), r.path("region").asText(DEFAULT_REGION),
        start, startOffset, actors, List.copyOf(steps), expectation(r.path("expect")), r.path("world").deepCopy(), tree.file());
    if (start.isPresent() && problems.isEmpty()) {
      String wrong = scenario.timeProblem(start.get());
      if (wrong != null) {
        problem("/start", wrong);
      }
    }
    return scenario;
  }

  Map<String, Actor> actors(JsonNode node, String pointer) {
    Map<String, Actor> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Actor.ActorType type = Actor.ActorType.valueOf(a.path("type").asText("IAMUser"));
      if (a.has("sourceIp") && !SourceAddresses.valid(a.get("sourceIp").asText())) {
        problem(LocatedTree.child(LocatedTree.child(pointer, e.getKey()), "sourceIp"), "'" + a.get("sourceIp").asText()
            + "' is not an IP address; expected IPv4 (203.0.113.9), IPv6 (2001:db8::1) or an AWS service name (ec2.amazonaws.com)");
      }
      String via = a.path("via").asText(type == Actor.ActorType.AWSService ? "sdk" : "cli");
      out.put(e.getKey(), new Actor(e.getKey(), type, a.path("userName").asText(null), a.path("roleName").asText(null),
          a.path("sessionName").asText(e.getKey()), a.path("issuerUserName").asText(null), a.path("service").asText(null),
          via, a.path("mfa").asBoolean(false), a.path("sourceIp").asText(type == Actor.ActorType.AWSService ? a.path("service").asText() : "203.0.113.10"),
          opt(a, "userAgent"), opt(a, "accessKeyId"), opt(a, "principalId"), opt(a, "accountId"), opt(a, "invokedBy")));
    }
    return out;
  }

  private Step step(JsonNode s, int index, String pointer, Map<String, Actor> actors, Optional<Instant> start) {
    String call = s.path("call").asText();
    Optional<ApiCall> api = catalog.find(call);
    if (api.isEmpty()) {
      problem(pointer + "/call", "unknown call '" + call + "'; expected a service:Action from the API catalog, nearest known: " + String.join(", ", catalog.nearest(call)));
    }
    String actor = s.path("actor").asText(actors.size() == 1 ? actors.keySet().iterator().next() : "");
    if (!actors.containsKey(actor)) {
      problem(pointer + (s.has("actor") ? "/actor" : ""), s.has("actor")
          ? "unknown actor '" + actor + "'; expected one of " + actors.keySet()
          : "the step needs 'actor:' because the scenario has several actors " + actors.keySet());
    }
    Optional<Duration> at = Optional.empty();
    Optional<Instant> atInstant = Optional.empty();
    if (s.has("at")) {
      Duration d = Durations.parse(s.get("at"));
      if (d != null) {
        at = Optional.of(checked(d, "at", pointer + "/at"));
      } else {
        Instant i = instant(s.get("at"), pointer + "/at");
        atInstant = Optional.ofNullable(i);
        if (i != null && start.isEmpty()) {
          problem(pointer + "/at", "an absolute 'at' needs an absolute 'start' for the scenario; use an offset like 5m30s instead");
        } else if (i != null && i.isBefore(start.get())) {
          problem(pointer + "/at", "'at: " + s.get("at").asText() + "' (" + i + ") is before the scenario's start (" + start.get()
              + "); a step cannot happen before the start: move 'start' earlier or the step later");
        }
      }
    }
    Optional<Duration> after = Optional.ofNullable(duration(s, "after", pointer));
    Duration jitter = Optional.ofNullable(duration(s, "jitter", pointer)).orElse(Duration.ZERO);
    Duration every = Optional.ofNullable(duration(s.path("repeat"), "every", pointer + "/repeat")).orElse(Duration.ofSeconds(1));
    int count = s.path("repeat").path("count").asInt(1);
    if (every.multipliedBy(Math.max(0, count - 1)).compareTo(Durations.MAX) > 0) {
      problem(pointer + "/repeat", count + " repeats every " + every + " span more than " + Durations.MAX.toDays()
          + " days (Tripline's limit for a duration in a script); repeat less often or fewer times");
    }
    ObjectNode params = s.path("params").isObject() ? (ObjectNode) s.get("params").deepCopy() : Template.NODES.objectNode();
    checkVariables(params, pointer + "/params", actors);
    String outcome = s.path("outcome").asText("success");
    if (outcome.equals("failure")) {
      outcome = "denied";
    }
    String deniedBy = s.path("deniedBy").asText("identity");
    if (s.has("deniedBy") && !outcome.equals("denied")) {
      problem(pointer + "/deniedBy", "'deniedBy' says why a call is refused, so the step needs 'outcome: denied' (it has '" + outcome + "')");
    }
    return new Step(index, s.path("name").asText(call), call, actor, at, atInstant, after, jitter,
        Optional.ofNullable(s.path("region").asText(null)), params, outcome, deniedBy, s.path("repeat").path("count").asInt(1), every,
        expectation(s.path("expect")), tree.locate(pointer).line());
  }

  /** Checks the {@code ${...}} variables of parameters in another file kind (a baseline's mix). */
  void checkParams(LocatedTree in, JsonNode params, String pointer, Map<String, Actor> actors) {
    this.tree = in;
    checkVariables(params, pointer, actors);
  }

  private void checkVariables(JsonNode n, String pointer, Map<String, Actor> actors) {
    if (n.isTextual() && n.textValue().contains("${")) {
      try {
        Template.Text t = Template.Text.parse(n.textValue());
        for (Object part : t.parts()) {
          if (part instanceof Expression e) {
            for (Expression.Alternative a : e.alternatives()) {
              if (a instanceof Expression.Path p) {
                if (!VARIABLE_ROOTS.contains(p.root())) {
                  problem(pointer, "unknown variable '${" + e.source() + "}'; variables start with one of " + VARIABLE_ROOTS);
                } else {
                  String wrong = Variables.problem(e.source(), p.root(), p.rest(), actors.keySet());
                  if (wrong != null) {
                    problem(pointer, wrong);
                  }
                }
              }
            }
          }
        }
      } catch (IllegalArgumentException ex) {
        problem(pointer, ex.getMessage());
      }
    } else if (n.isObject()) {
      n.fields().forEachRemaining(e -> checkVariables(e.getValue(), LocatedTree.child(pointer, e.getKey()), actors));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        checkVariables(n.get(i), LocatedTree.child(pointer, i), actors);
      }
    }
  }

  private Duration duration(JsonNode parent, String field, String pointer) {
    if (!parent.has(field)) {
      return null;
    }
    Duration d = Durations.parse(parent.get(field));
    if (d == null) {
      problem(pointer + "/" + field, "'" + parent.get(field).asText() + "' is not a duration; expected e.g. 45s, 2m30s, 1h or PT5M");
      return null;
    }
    return checked(d, field, pointer + "/" + field);
  }

  /** {@code d}, or zero after reporting it when negative or longer than {@link Durations#MAX}. */
  private Duration checked(Duration d, String field, String pointer) {
    String wrong = Durations.problem(d);
    if (wrong != null) {
      problem(pointer, "'" + field + ": " + tree.root().at(pointer).asText() + "' " + wrong);
      return Duration.ZERO;
    }
    return d;
  }

  private Instant instant(JsonNode n, String pointer) {
    try {
      Instant t = OffsetDateTime.parse(n.asText()).toInstant();
      String wrong = Scenario.outsideYears(t);
      if (wrong != null) {
        problem(pointer, "'" + n.asText() + "' " + wrong);
        return null;
      }
      return t;
    } catch (java.time.DateTimeException e) {
      problem(pointer, "'" + n.asText() + "' is not a time; expected ISO-8601 with an offset, e.g. 2024-03-14T16:15:10-05:00, or an offset like 30m10s");
      return null;
    }
  }

  static Expectation expectation(JsonNode n) {
    if (n.isMissingNode()) {
      return Expectation.NONE;
    }
    return new Expectation(strings(n.path("fire")), strings(n.path("notFire")));
  }

  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static Optional<String> opt(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  private void problem(String pointer, String message) {
    problems.add(Diagnostic.at(tree.locate(pointer), message));
  }
}

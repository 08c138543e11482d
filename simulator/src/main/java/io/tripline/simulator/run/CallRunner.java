package io.tripline.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.access.CallAuthorizer;
import io.tripline.simulator.catalog.ApiCall;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.Actor;
import io.tripline.simulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the planned calls of one run, in time order: builds each record, lets the world decide
 * which trails record it, and applies the call's effect on the world. One instance per run.
 */
public final class CallRunner {

  private final ApiCatalog catalog;
  private final World world;
  private final Map<String, ResolvedActor> actors;
  private final Ids ids;
  private final String account;
  private final String tag;
  private final CallAuthorizer authorizer;
  private final RecordSynthesizer synthesizer = new RecordSynthesizer();
  private final Map<String, Map<String, String>> userAgents = new HashMap<>();
  private final Map<String, Instant> sessions = new HashMap<>();

  /** {@code tag} is added to user agents, or null. */
  public CallRunner(ApiCatalog catalog, World world, Map<String, ResolvedActor> actors, Ids ids, String account, String tag) {
    this(catalog, world, actors, ids, account, tag, null);
  }

  /** As above; {@code authorizer}, when not null, decides every scenario step's call against an account's policies. */
  public CallRunner(ApiCatalog catalog, World world, Map<String, ResolvedActor> actors, Ids ids, String account, String tag,
      CallAuthorizer authorizer) {
    this.authorizer = authorizer;
    this.catalog = catalog;
    this.world = world;
    this.actors = actors;
    this.ids = ids;
    this.account = account;
    this.tag = tag;
  }

  /**
   * What one call did: its record, the trails that recorded it (or why none did), and its error
   * code ({@code denied} for the service's access-denied shape), null on success; in an IAM-aware
   * replay, what the policies decided ({@code authorization}, else null).
   */
  public record Outcome(ApiCall call, ObjectNode record, List<String> trails, List<String> reasons, String error,
      CallAuthorizer.Authorization authorization) {
    public boolean recorded() {
      return !trails.isEmpty();
    }
  }

  public Outcome run(PlannedCall p) {
    ApiCall call = catalog.find(p.call()).orElseThrow(() -> new IllegalStateException("not in the catalog: " + p.call()));
    ResolvedActor actor = actors.get(p.actorKey());
    String region = call.service().global() ? RecordSynthesizer.GLOBAL_REGION : p.region();
    CallScope scope = new CallScope(ids, p.time(), account, region, actor, actors, world.variables(), p.repetition(), p.params());
    if (p.step() != null) {
      scope.deniedBy = p.step().deniedBy();
    }
    RecordSynthesizer.Request request = synthesizer.request(call, scope, p.params(), world);
    World.Recording recording = world.decide(request.facts());
    String error = p.outcome().equals("success") ? null : p.outcome();
    CallAuthorizer.Authorization authorization = null;
    if (authorizer != null && p.step() != null && !call.serviceEvent()) {
      authorization = authorizer.decide(authorizationRequest(call, scope, request, actor, p));
      if (authorization.denied()) {
        // AWS authorizes before anything else: a denied call is AccessDenied whatever the script meant.
        error = "denied";
        scope.deniedBy = authorization.deniedBy() == null ? "identity" : authorization.deniedBy();
        scope.explicitDeny = authorization.explicit();
      }
    }
    if (error == null && call.effect() != null) {
      String label = (p.step() == null ? "baseline " + p.call() : p.step().label()) + " at " + p.time();
      error = world.apply(call.effect(), request.scope().params, label);
    }
    if (call.signinIdentity() && error == null) {
      sessions.put(p.actorKey(), p.time());
    }
    Instant sessionStart = sessions.computeIfAbsent(p.actorKey(), k -> p.time().minus(Duration.ofMinutes(5)));
    String userAgent = userAgents.computeIfAbsent(p.actorKey(), k -> new HashMap<>())
        .computeIfAbsent(p.call(), k -> UserAgents.of(actor.actor(), call, tag));
    ObjectNode record = synthesizer.record(request, error, userAgent, sessionStart);
    return new Outcome(call, record, recording.trails(), recording.reasons(), error, authorization);
  }

  /** The call as an authorizer sees it: who (ARN, MFA from the session or key), from where, when, on what. */
  private static CallAuthorizer.Request authorizationRequest(ApiCall call, CallScope scope, RecordSynthesizer.Request request,
      ResolvedActor actor, PlannedCall p) {
    Actor a = actor.actor();
    boolean session = a.console() || a.type() == Actor.ActorType.AssumedRole || a.type() == Actor.ActorType.FederatedUser;
    Boolean mfa = a.mfa() ? Boolean.TRUE : session ? Boolean.FALSE : null;
    List<String> arns = new ArrayList<>();
    if (call.resources() != null) {
      JsonNode resources = call.resources().evaluate(scope);
      if (resources != null) {
        resources.forEach(r -> addArn(arns, r.path("ARN")));
      }
    }
    JsonNode params = request.requestParameters();
    if (params != null && params.isObject()) {
      params.forEach(v -> addArn(arns, v));
    }
    if (call.resourceArn() != null) {
      addArn(arns, call.resourceArn().evaluate(scope));
    }
    return new CallAuthorizer.Request(actor.arn(), a.type().name(), mfa, a.sourceIp(), p.time(), call.key(),
        call.service().eventSource(), call.eventName(), List.copyOf(arns));
  }

  private static void addArn(List<String> arns, JsonNode v) {
    if (v != null && v.isTextual() && v.asText().startsWith("arn:") && !arns.contains(v.asText())) {
      arns.add(v.asText());
    }
  }
}

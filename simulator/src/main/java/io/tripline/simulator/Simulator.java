package io.tripline.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a scenario against its account model and writes the CloudTrail records AWS would have
 * delivered: same scenario, seed and start give identical records.
 */
public final class Simulator {

  private final ApiCatalog catalog;

  public Simulator(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  public SimulationResult run(Scenario scenario, SimulationOptions options) {
    long seed = options.seed() * 0x9E3779B97F4A7C15L + scenario.id().hashCode();
    Ids ids = new Ids(seed);
    String runId = ids.stableHex("run", 12);
    World world = World.from(scenario.world(), scenario.account(), scenario.region());
    Map<String, ResolvedActor> actors = new LinkedHashMap<>();
    scenario.actors().forEach((k, a) -> actors.put(k, ResolvedActor.resolve(a, scenario.account(), ids)));
    List<PlannedCall> plan = new ArrayList<>(Timeline.plan(scenario, options, ids));
    Instant anchor = Timeline.start(scenario, options);
    for (SimulationOptions.BaselineMix mix : options.baselines()) {
      BaselineProfile p = mix.profile();
      p.actors().forEach((k, a) -> actors.put(BaselineGenerator.actorKey(p, k), ResolvedActor.resolve(a, scenario.account(), ids)));
      plan.addAll(BaselineGenerator.plan(p, mix.count(), anchor, ids, scenario.region(), plan.size() + 1_000_000L));
    }
    plan.sort(Comparator.comparing(PlannedCall::time).thenComparingLong(PlannedCall::order));
    return execute(scenario.id(), runId, options, world, actors, plan, ids, scenario.account());
  }

  /** Runs a baseline profile on its own (no attack): {@code count} records on the day of the start. */
  public SimulationResult run(BaselineProfile profile, int count, SimulationOptions options) {
    long seed = options.seed() * 0x9E3779B97F4A7C15L + profile.id().hashCode();
    Ids ids = new Ids(seed);
    World world = World.from(profile.world(), profile.account(), profile.region());
    Map<String, ResolvedActor> actors = new LinkedHashMap<>();
    profile.actors().forEach((k, a) -> actors.put(BaselineGenerator.actorKey(profile, k), ResolvedActor.resolve(a, profile.account(), ids)));
    List<PlannedCall> plan = new ArrayList<>(BaselineGenerator.plan(profile, count,
        options.start().orElse(SimulationOptions.DEFAULT_START), ids, profile.region(), 0));
    plan.sort(Comparator.comparing(PlannedCall::time).thenComparingLong(PlannedCall::order));
    return execute("baseline/" + profile.id(), ids.stableHex("run", 12), options, world, actors, plan, ids, profile.account());
  }

  private SimulationResult execute(String id, String runId, SimulationOptions options, World world,
      Map<String, ResolvedActor> actors, List<PlannedCall> plan, Ids ids, String account) {
    String tag = options.tag() ? runId : null;
    RecordSynthesizer synthesizer = new RecordSynthesizer();
    Map<String, Map<String, String>> userAgents = new HashMap<>();
    Map<String, Instant> sessions = new HashMap<>();
    List<ObjectNode> records = new ArrayList<>(plan.size());
    Map<Integer, StepAccumulator> steps = new LinkedHashMap<>();
    int baselineRecords = 0;
    int baselineLost = 0;
    for (PlannedCall p : plan) {
      ApiCall call = catalog.find(p.call()).orElseThrow(() -> new IllegalStateException("not in the catalog: " + p.call()));
      ResolvedActor actor = actors.get(p.actorKey());
      String region = call.service().global() ? RecordSynthesizer.GLOBAL_REGION : p.region();
      CallScope scope = new CallScope(ids, p.time(), account, region, actor, actors, world.variables(), p.repetition(), p.params());
      RecordSynthesizer.Request request = synthesizer.request(call, scope, p.params(), world);
      World.Recording recording = world.decide(request.facts());
      String error = p.outcome().equals("success") ? null : p.outcome();
      if (error == null && call.effect() != null) {
        String label = (p.step() == null ? "baseline " + p.call() : p.step().label()) + " at " + p.time();
        error = WorldEffects.get(call.effect()).apply(world, new WorldEffects.Call(request.scope().params, label));
      }
      boolean signin = call.signinIdentity();
      if (signin && error == null) {
        sessions.put(p.actorKey(), p.time());
      }
      Instant sessionStart = sessions.computeIfAbsent(p.actorKey(), k -> p.time().minus(Duration.ofMinutes(5)));
      String userAgent = userAgents.computeIfAbsent(p.actorKey(), k -> new HashMap<>())
          .computeIfAbsent(p.call(), k -> UserAgents.of(actor.actor(), call, tag));
      ObjectNode record = synthesizer.record(request, error, userAgent, sessionStart);
      if (recording.recorded()) {
        records.add(record);
      }
      if (p.step() != null) {
        steps.computeIfAbsent(p.step().index(), k -> new StepAccumulator(p.step(), call)).add(p, recording, error);
      } else if (recording.recorded()) {
        baselineRecords++;
      } else {
        baselineLost++;
      }
    }
    // The plan is in time order, so the records already are.
    List<CloudTrailRecord> wrapped = new ArrayList<>(records.size());
    for (ObjectNode r : records) {
      wrapped.add(CloudTrailRecord.of(r));
    }
    List<StepReport> reports = steps.values().stream().map(StepAccumulator::report).toList();
    return new SimulationResult(id, runId, options.seed(), List.copyOf(wrapped), reports, baselineRecords, baselineLost, List.copyOf(world.changes));
  }

  /** Collects what a step's calls did into one {@link StepReport}. */
  private static final class StepAccumulator {
    final Step step;
    final ApiCall call;
    Instant first;
    Instant last;
    int calls;
    int recorded;
    String outcome = "success";
    final Set<String> trails = new LinkedHashSet<>();
    final Set<String> reasons = new LinkedHashSet<>();

    StepAccumulator(Step step, ApiCall call) {
      this.step = step;
      this.call = call;
    }

    void add(PlannedCall p, World.Recording r, String error) {
      first = first == null ? p.time() : first;
      last = p.time();
      calls++;
      if (error != null) {
        outcome = error.equals("denied") ? (call.whenDenied().errorCode() == null ? "Failed authentication" : call.whenDenied().errorCode()) : error;
      }
      if (r.recorded()) {
        recorded++;
        trails.addAll(r.trails());
      } else {
        reasons.addAll(r.reasons());
      }
    }

    StepReport report() {
      return new StepReport(step.index(), step.name(), step.call(), call.eventName(), step.actor(), first, last, calls, recorded,
          outcome, List.copyOf(trails), List.copyOf(reasons), step.expect());
    }
  }
}

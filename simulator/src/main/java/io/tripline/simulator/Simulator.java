package io.tripline.simulator;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.baseline.BaselineGenerator;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.catalog.ApiCall;
import io.tripline.simulator.run.CallRunner;
import io.tripline.simulator.run.Identities;
import io.tripline.simulator.run.Ids;
import io.tripline.simulator.run.PlannedCall;
import io.tripline.simulator.run.ResolvedActor;
import io.tripline.simulator.run.Timeline;
import io.tripline.simulator.scenario.BaselineProfile;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.Step;
import io.tripline.simulator.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a scenario against its account model and writes the CloudTrail records AWS would have
 * delivered: same scenario, seed and start give identical records.
 */
public final class Simulator {

  /** Where management events stay visible whatever trails do (the CloudTrail console's Event history). */
  static final String EVENT_HISTORY = "CloudTrail Event history (LookupEvents, 90 days)";

  /** The run id prefix of a baseline profile run on its own. */
  static final String BASELINE_RUN = "baseline/";

  private final ApiCatalog catalog;

  public Simulator(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Runs the scenario with its baselines mixed in. A baseline's count is the number of its records
   * written: calls that no trail records (logging stopped, ...) are replaced by more calls of the
   * profile, up to {@link #MAX_DRAWS_PER_RECORD} draws per record; a shortfall is reported in
   * {@link SimulationResult#baselines()}.
   */
  public SimulationResult run(Scenario scenario, SimulationOptions options) {
    List<SimulationOptions.BaselineMix> mixes = options.baselines();
    int[] draws = mixes.stream().mapToInt(SimulationOptions.BaselineMix::count).toArray();
    for (int i = 0; i < draws.length; i++) {
      int profile = i;
      draws[i] = fit(mixes.get(i).profile().id(), mixes.get(i).count(), n -> {
        int[] d = draws.clone();
        d[profile] = n;
        return attempt(scenario, options, d);
      });
    }
    return attempt(scenario, options, draws);
  }

  /** Runs a baseline profile on its own (no attack): {@code count} records on the day of the start and the day before. */
  public SimulationResult run(BaselineProfile profile, int count, SimulationOptions options) {
    return attempt(profile, fit(profile.id(), count, n -> attempt(profile, n, options)), count, options);
  }

  /** Draws per written record a baseline may use before the run reports a shortfall. */
  static final int MAX_DRAWS_PER_RECORD = 20;

  /** The fewest draws of a profile that write {@code want} records (or the most allowed, when none does). */
  private static int fit(String profile, int want, java.util.function.IntFunction<SimulationResult> run) {
    if (want == 0 || written(run.apply(want), profile) >= want) {
      return want;
    }
    int low = want;
    int high = want * 2;
    int cap = want * MAX_DRAWS_PER_RECORD;
    while (written(run.apply(high), profile) < want) {
      if (high >= cap) {
        return cap;
      }
      low = high;
      high = Math.min(cap, high * 2);
    }
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      if (written(run.apply(mid), profile) >= want) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  private static int written(SimulationResult r, String profile) {
    return (int) r.origins().values().stream().filter(o -> o.baseline().map(profile::equals).orElse(false)).count();
  }

  private SimulationResult attempt(Scenario scenario, SimulationOptions options, int[] draws) {
    long seed = options.seed() * 0x9E3779B97F4A7C15L + scenario.id().hashCode();
    Ids ids = new Ids(seed);
    String runId = ids.stableHex("run", 12);
    World world = World.from(scenario.world(), scenario.account(), scenario.region());
    Identities identities = new Identities(options.seed());
    scenario.actors().values().forEach(a -> identities.register(a, scenario.account()));
    options.baselines().forEach(m -> m.profile().actors().values().forEach(a -> identities.register(a, scenario.account())));
    Map<String, ResolvedActor> actors = new LinkedHashMap<>();
    scenario.actors().forEach((k, a) -> actors.put(k, ResolvedActor.resolve(a, scenario.account(), identities)));
    Instant anchor = start(scenario, options);
    List<PlannedCall> plan = new ArrayList<>(Timeline.plan(scenario, anchor, ids));
    List<SimulationResult.BaselineTally> wanted = new ArrayList<>();
    for (int i = 0; i < options.baselines().size(); i++) {
      BaselineProfile p = options.baselines().get(i).profile();
      p.actors().forEach((k, a) -> actors.put(BaselineGenerator.actorKey(p, k), ResolvedActor.resolve(a, scenario.account(), identities)));
      plan.addAll(BaselineGenerator.plan(p, draws[i], anchor, baselineIds(options, p), scenario.region(), 1_000_000L * (i + 1)));
      wanted.add(new SimulationResult.BaselineTally(p.id(), options.baselines().get(i).count(), 0));
    }
    plan.sort(Comparator.comparing(PlannedCall::time).thenComparingLong(PlannedCall::order));
    return execute(scenario.id(), runId, options, world, actors, plan, ids, scenario.account(), wanted);
  }

  private SimulationResult attempt(BaselineProfile profile, int draws, int want, SimulationOptions options) {
    long seed = options.seed() * 0x9E3779B97F4A7C15L + profile.id().hashCode();
    Ids ids = new Ids(seed);
    World world = World.from(profile.world(), profile.account(), profile.region());
    Identities identities = new Identities(options.seed());
    profile.actors().values().forEach(a -> identities.register(a, profile.account()));
    Map<String, ResolvedActor> actors = new LinkedHashMap<>();
    profile.actors().forEach((k, a) -> actors.put(BaselineGenerator.actorKey(profile, k), ResolvedActor.resolve(a, profile.account(), identities)));
    List<PlannedCall> plan = new ArrayList<>(BaselineGenerator.plan(profile, draws,
        options.start().orElse(SimulationOptions.DEFAULT_START), baselineIds(options, profile), profile.region(), 0));
    plan.sort(Comparator.comparing(PlannedCall::time).thenComparingLong(PlannedCall::order));
    return execute(BASELINE_RUN + profile.id(), ids.stableHex("run", 12), options, world, actors, plan, ids, profile.account(),
        List.of(new SimulationResult.BaselineTally(profile.id(), want, 0)));
  }

  private SimulationResult attempt(BaselineProfile profile, int draws, SimulationOptions options) {
    return attempt(profile, draws, draws, options);
  }

  /** Each profile draws from its own sequence, so more draws extend its plan without changing the first ones. */
  private static Ids baselineIds(SimulationOptions options, BaselineProfile p) {
    return new Ids(options.seed() * 0x9E3779B97F4A7C15L ^ ((long) p.id().hashCode() << 21) ^ 0x2545F4914F6CDD1DL);
  }

  /** Where the scenario's timeline begins: {@code --start}, else its absolute start, else the default plus its offset. */
  static Instant start(Scenario s, SimulationOptions o) {
    if (s.start().isPresent()) {
      return o.start().orElse(s.start().get());
    }
    return o.start().orElse(SimulationOptions.DEFAULT_START).plus(s.startOffset());
  }

  private SimulationResult execute(String id, String runId, SimulationOptions options, World world,
      Map<String, ResolvedActor> actors, List<PlannedCall> plan, Ids ids, String account, List<SimulationResult.BaselineTally> wanted) {
    CallRunner runner = new CallRunner(catalog, world, actors, ids, account, options.tag() ? runId : null);
    List<CloudTrailRecord> records = new ArrayList<>(plan.size());
    Map<String, RecordOrigin> origins = new LinkedHashMap<>();
    boolean alone = id.startsWith(BASELINE_RUN);
    Optional<String> scenarioId = alone ? Optional.empty() : Optional.of(id.contains("/") ? id.substring(0, id.indexOf('/')) : id);
    Optional<String> variant = alone || !id.contains("/") ? Optional.empty() : Optional.of(id.substring(id.indexOf('/') + 1));
    Map<Integer, StepAccumulator> steps = new LinkedHashMap<>();
    int baselineRecords = 0;
    int baselineLost = 0;
    for (PlannedCall p : plan) {
      CallRunner.Outcome o = runner.run(p);
      if (o.recorded()) {
        records.add(CloudTrailRecord.of(o.record()));
        String eventId = o.record().path("eventID").asText();
        origins.put(eventId, origin(eventId, scenarioId, variant, p, o));
      }
      if (p.step() != null) {
        steps.computeIfAbsent(p.step().index(), k -> new StepAccumulator(p.step(), o.call())).add(p, o);
      } else if (o.recorded()) {
        baselineRecords++;
      } else {
        baselineLost++;
      }
    }
    // The plan is in time order, so the records already are.
    List<StepReport> reports = steps.values().stream().map(StepAccumulator::report).toList();
    return new SimulationResult(id, runId, options.seed(), List.copyOf(records), reports, baselineRecords, baselineLost, world.changes(),
        java.util.Collections.unmodifiableMap(origins), tallies(wanted, origins));
  }

  private static List<SimulationResult.BaselineTally> tallies(List<SimulationResult.BaselineTally> wanted, Map<String, RecordOrigin> origins) {
    return wanted.stream().map(w -> new SimulationResult.BaselineTally(w.profile(), w.requested(),
        (int) origins.values().stream().filter(o -> o.baseline().map(w.profile()::equals).orElse(false)).count())).toList();
  }

  private static RecordOrigin origin(String eventId, Optional<String> scenarioId, Optional<String> variant, PlannedCall p, CallRunner.Outcome o) {
    Optional<RecordOrigin.StepRef> step = p.step() == null ? Optional.empty()
        : Optional.of(new RecordOrigin.StepRef(p.step().index(), p.step().name(), p.step().call(), p.step().expect()));
    Optional<String> errorCode = Optional.ofNullable(o.record().path("errorCode").textValue());
    return new RecordOrigin(eventId, scenarioId, variant, step, Optional.ofNullable(p.baseline()), p.actor(), p.outcome(), errorCode);
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
    String region;

    StepAccumulator(Step step, ApiCall call) {
      this.step = step;
      this.call = call;
    }

    void add(PlannedCall p, CallRunner.Outcome r) {
      String error = r.error();
      region = r.record().path("awsRegion").asText(p.region());
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
          outcome, List.copyOf(trails), List.copyOf(reasons), step.expect(),
          recorded == calls || call.dataEvent() ? Optional.empty() : Optional.of(EVENT_HISTORY + " in " + region));
    }
  }
}

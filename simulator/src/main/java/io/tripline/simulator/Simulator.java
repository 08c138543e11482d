package io.tripline.simulator;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.access.CallAuthorizer;
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
    return run(List.of(scenario), options).get(0);
  }

  /**
   * Runs several scenarios in one account world, their timelines interleaved by time: what one
   * changes (a trail stopped, log file validation turned on) the others see from then on. The
   * account and world come from the first scenario; every scenario must name the same account.
   * Baselines are mixed into the first scenario's result. One result per scenario, in order.
   */
  public List<SimulationResult> run(List<Scenario> scenarios, SimulationOptions options) {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("no scenario to run");
    }
    for (Scenario s : scenarios) {
      if (!s.account().equals(scenarios.get(0).account())) {
        throw new IllegalArgumentException(s.id() + " runs in account " + s.account() + ", not " + scenarios.get(0).account()
            + "; scenarios share a world only within one account");
      }
    }
    List<SimulationOptions.BaselineMix> mixes = options.baselines();
    int[] draws = mixes.stream().mapToInt(SimulationOptions.BaselineMix::count).toArray();
    for (int i = 0; i < draws.length; i++) {
      int profile = i;
      draws[i] = fit(mixes.get(i).profile().id(), mixes.get(i).count(), n -> {
        int[] d = draws.clone();
        d[profile] = n;
        return attempt(scenarios, options, d).get(0);
      });
    }
    return attempt(scenarios, options, draws);
  }

  /** Runs a baseline profile on its own (no attack): {@code count} records on the day of the start and the day before. */
  public SimulationResult run(BaselineProfile profile, int count, SimulationOptions options) {
    // Draw a little more than needed (a profile's unlogged calls are known only after a run), then
    // keep the first {@code count} records written: one or two runs, not a search.
    int cap = (int) Math.min(Integer.MAX_VALUE, (long) count * MAX_DRAWS_PER_RECORD);
    int draws = count;
    SimulationResult r = attempt(profile, draws, count, options);
    for (int tries = 0; written(r, profile.id()) < count && draws < cap && tries < 8; tries++) {
      int w = written(r, profile.id());
      draws = (int) Math.min(cap, w == 0 ? draws * 2L : (long) Math.ceil((double) draws * count / w * 1.02) + 16);
      r = attempt(profile, draws, count, options);
    }
    return keepFirst(r, profile.id(), count);
  }

  /** The result with only the first {@code count} records of the baseline profile (in time order). */
  private static SimulationResult keepFirst(SimulationResult r, String profile, int count) {
    if (written(r, profile) <= count) {
      return r;
    }
    List<CloudTrailRecord> kept = new ArrayList<>(count);
    Map<String, RecordOrigin> origins = new LinkedHashMap<>();
    int n = 0;
    for (CloudTrailRecord rec : r.records()) {
      RecordOrigin o = r.origins().get(rec.eventID());
      boolean mine = o != null && o.baseline().map(profile::equals).orElse(false);
      if (mine && n >= count) {
        continue;
      }
      n += mine ? 1 : 0;
      kept.add(rec);
      if (o != null) {
        origins.put(rec.eventID(), o);
      }
    }
    return new SimulationResult(r.scenarioId(), r.runId(), r.seed(), List.copyOf(kept), r.steps(), count, r.baselineNotLogged(),
        r.worldChanges(), java.util.Collections.unmodifiableMap(origins), tallies(r.baselines(), origins));
  }

  /** Draws per written record a baseline may use before the run reports a shortfall. */
  static final int MAX_DRAWS_PER_RECORD = 20;

  /**
   * The fewest draws of a profile that write {@code want} records (or the most allowed, when none
   * does). Records written grow by at most one per draw and almost in proportion to draws, so the
   * search interpolates: a run or three instead of one per bit of a binary search.
   */
  private static int fit(String profile, int want, java.util.function.IntFunction<SimulationResult> run) {
    if (want == 0) {
      return want;
    }
    int cap = (int) Math.min(Integer.MAX_VALUE, (long) want * MAX_DRAWS_PER_RECORD);
    java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
    java.util.function.IntUnaryOperator written = d -> seen.computeIfAbsent(d, k -> written(run.apply(k), profile));
    int low = want;
    int wl = written.applyAsInt(low);
    if (wl >= want) {
      return want;
    }
    // Grow until the count is reached: low writes too few, high enough.
    int high = low;
    int wh = wl;
    while (wh < want) {
      if (high >= cap) {
        return cap;
      }
      low = high;
      wl = wh;
      long guess = wl <= 0 ? (long) high * 2 : (long) Math.ceil((double) high * want / wl * 1.01) + 1;
      high = (int) Math.min(cap, Math.max(high + 1, guess));
      wh = written.applyAsInt(high);
    }
    // Interpolate inside (low, high] for the fewest draws that write want records.
    while (high - low > 1) {
      long span = (long) (high - low) * (want - wl) / Math.max(1, wh - wl);
      int mid = (int) Math.max(low + 1, Math.min(high - 1, low + span));
      int wm = written.applyAsInt(mid);
      if (wm >= want) {
        high = mid;
        wh = wm;
      } else {
        low = mid;
        wl = wm;
      }
    }
    return high;
  }

  private static int written(SimulationResult r, String profile) {
    return (int) r.origins().values().stream().filter(o -> o.baseline().map(profile::equals).orElse(false)).count();
  }

  private List<SimulationResult> attempt(List<Scenario> scenarios, SimulationOptions options, int[] draws) {
    Scenario first = scenarios.get(0);
    long seed = options.seed() * 0x9E3779B97F4A7C15L
        + (scenarios.size() == 1 ? first.id().hashCode() : scenarios.stream().map(Scenario::id).toList().hashCode());
    Ids ids = new Ids(seed);
    String runId = ids.stableHex("run", 12);
    World world = World.from(first.world(), first.account(), first.region());
    Identities identities = new Identities(options.seed());
    scenarios.forEach(s -> s.actors().values().forEach(a -> identities.register(a, first.account())));
    options.baselines().forEach(m -> m.profile().actors().values().forEach(a -> identities.register(a, first.account())));
    Map<String, ResolvedActor> actors = new LinkedHashMap<>();
    List<PlannedCall> plan = new ArrayList<>();
    Map<Step, Integer> owner = new java.util.IdentityHashMap<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      String prefix = scenarios.size() == 1 ? "" : i + "/";
      s.actors().forEach((k, a) -> actors.put(prefix + k, ResolvedActor.resolve(a, first.account(), identities)));
      String wrongTime = s.timeProblem(start(s, options));
      if (wrongTime != null) {
        throw new IllegalArgumentException(s.id() + ": " + wrongTime);
      }
      plan.addAll(Timeline.plan(s, start(s, options), ids, prefix, 10_000_000L * i));
      int index = i;
      s.steps().forEach(st -> owner.put(st, index));
    }
    Instant anchor = start(first, options);
    List<SimulationResult.BaselineTally> wanted = new ArrayList<>();
    for (int i = 0; i < options.baselines().size(); i++) {
      BaselineProfile p = options.baselines().get(i).profile();
      p.actors().forEach((k, a) -> actors.put(BaselineGenerator.actorKey(p, k), ResolvedActor.resolve(a, first.account(), identities)));
      plan.addAll(BaselineGenerator.plan(p, draws[i], anchor, baselineIds(options, p), first.region(), 1_000_000_000L * (i + 1)));
      wanted.add(new SimulationResult.BaselineTally(p.id(), options.baselines().get(i).count(), 0));
    }
    plan.sort(Comparator.comparing(PlannedCall::time).thenComparingLong(PlannedCall::order));
    return execute(scenarios.stream().map(Scenario::id).toList(), runId, options, world, actors, plan, ids, first.account(), wanted, owner);
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
    return execute(List.of(BASELINE_RUN + profile.id()), ids.stableHex("run", 12), options, world, actors, plan, ids, profile.account(),
        List.of(new SimulationResult.BaselineTally(profile.id(), want, 0)), Map.of()).get(0);
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

  /** Makes the planned calls; {@code owner} says which of {@code names} each step belongs to (baselines go to the first). */
  private List<SimulationResult> execute(List<String> names, String runId, SimulationOptions options, World world,
      Map<String, ResolvedActor> actors, List<PlannedCall> plan, Ids ids, String account, List<SimulationResult.BaselineTally> wanted,
      Map<Step, Integer> owner) {
    CallRunner runner = new CallRunner(catalog, world, actors, ids, account, options.tag() ? runId : null, options.authorizer());
    int n = names.size();
    List<List<CloudTrailRecord>> records = new ArrayList<>();
    List<Map<String, RecordOrigin>> origins = new ArrayList<>();
    List<Map<Integer, StepAccumulator>> steps = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      records.add(new ArrayList<>());
      origins.add(new LinkedHashMap<>());
      steps.add(new LinkedHashMap<>());
    }
    int baselineRecords = 0;
    int baselineLost = 0;
    for (PlannedCall p : plan) {
      CallRunner.Outcome o = runner.run(p);
      int k = p.step() == null ? 0 : owner.getOrDefault(p.step(), 0);
      if (o.recorded()) {
        records.get(k).add(CloudTrailRecord.of(o.record()));
        String eventId = o.record().path("eventID").asText();
        origins.get(k).put(eventId, origin(eventId, names.get(k), p, o));
      }
      if (p.step() != null) {
        steps.get(k).computeIfAbsent(p.step().index(), x -> new StepAccumulator(p.step(), o.call())).add(p, o);
      } else if (o.recorded()) {
        baselineRecords++;
      } else {
        baselineLost++;
      }
    }
    // The plan is in time order, so the records already are.
    List<SimulationResult> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<StepReport> reports = steps.get(k).values().stream().map(StepAccumulator::report).toList();
      Map<String, RecordOrigin> mine = java.util.Collections.unmodifiableMap(origins.get(k));
      out.add(new SimulationResult(names.get(k), runId, options.seed(), List.copyOf(records.get(k)), reports,
          k == 0 ? baselineRecords : 0, k == 0 ? baselineLost : 0, world.changes(), mine,
          k == 0 ? tallies(wanted, mine) : List.of()));
    }
    return out;
  }

  private static List<SimulationResult.BaselineTally> tallies(List<SimulationResult.BaselineTally> wanted, Map<String, RecordOrigin> origins) {
    return wanted.stream().map(w -> new SimulationResult.BaselineTally(w.profile(), w.requested(),
        (int) origins.values().stream().filter(o -> o.baseline().map(w.profile()::equals).orElse(false)).count())).toList();
  }

  private static RecordOrigin origin(String eventId, String runName, PlannedCall p, CallRunner.Outcome o) {
    boolean alone = runName.startsWith(BASELINE_RUN);
    Optional<String> scenarioId = alone ? Optional.empty() : Optional.of(runName.contains("/") ? runName.substring(0, runName.indexOf('/')) : runName);
    Optional<String> variant = alone || !runName.contains("/") ? Optional.empty() : Optional.of(runName.substring(runName.indexOf('/') + 1));
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
    final List<CallAuthorizer.Authorization> authorizations = new ArrayList<>();

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
      if (r.authorization() != null) {
        authorizations.add(r.authorization());
      }
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
          recorded == calls || call.dataEvent() ? Optional.empty() : Optional.of(EVENT_HISTORY + " in " + region), access());
    }

    /** What the policies decided for the step's calls (an IAM-aware replay), summed up. */
    Optional<StepAccess> access() {
      if (authorizations.isEmpty()) {
        return Optional.empty();
      }
      int allowed = (int) authorizations.stream().filter(a -> a.verdict() == CallAuthorizer.Verdict.ALLOWED).count();
      int denied = (int) authorizations.stream().filter(CallAuthorizer.Authorization::denied).count();
      CallAuthorizer.Authorization first = authorizations.stream().filter(CallAuthorizer.Authorization::denied).findFirst()
          .orElse(authorizations.get(0));
      String verdict = denied > 0 && allowed > 0 ? "mixed" : denied > 0 ? "denied" : allowed > 0 ? "allowed"
          : first.verdict() == CallAuthorizer.Verdict.NO_PERMISSION_NEEDED ? "no-permission-needed" : "not-decided";
      List<CallAuthorizer.Statement> statements = authorizations.stream().filter(a -> a.verdict() == first.verdict())
          .flatMap(a -> a.statements().stream()).distinct().toList();
      return Optional.of(new StepAccess(verdict, first.action(), first.resource(), statements, first.deniedBy(), first.explicit(),
          first.reason(), allowed, denied, step.outcome(), denied > 0 && !"denied".equals(step.outcome())));
    }
  }
}

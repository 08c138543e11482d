package io.tripline.simulator.coverage;

import io.tripline.core.detect.CorrelationHistory;
import io.tripline.core.detect.DetectionEngine;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RecordEvaluator;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationOptions.BaselineMix;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.access.CallAuthorizer;
import io.tripline.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs coverage: the baselines first (every finding on them is a false positive, and what
 * new_value rules learn there is the principals' normal), then each scenario on its own, starting
 * from that history, so scenarios never correlate with each other. Then {@link CoverageJoin} joins
 * findings with the steps' expectations. With an authorizer (IAM-aware replay), each scenario step's
 * call is decided against the account's policies first; baselines run as their profiles say.
 */
public final class CoverageRunner {
  private final Simulator simulator;

  public CoverageRunner(Simulator simulator) {
    this.simulator = simulator;
  }

  /**
   * @param seed seed of every simulation
   * @param baselines the benign activity and how many records of each profile
   * @param detection threads, enrichment, evaluation options (history is set by the run)
   * @param progress called with records simulated and evaluated so far and a short label
   * @param evaluator where the rules run (an OPA server, ...); null for the embedded Rego engine. The
   *     caller owns it and closes it.
   * @param authorizer for an IAM-aware replay, decides every scenario step's call against an account's
   *     policies (denied calls become AccessDenied records); null replays every step as scripted
   */
  public record Options(long seed, List<BaselineMix> baselines, DetectionOptions detection, Consumer<Progress> progress,
      RecordEvaluator evaluator, CallAuthorizer authorizer) {

    public Options(long seed, List<BaselineMix> baselines, DetectionOptions detection, Consumer<Progress> progress) {
      this(seed, baselines, detection, progress, null, null);
    }

    public Options(long seed, List<BaselineMix> baselines, DetectionOptions detection, Consumer<Progress> progress,
        RecordEvaluator evaluator) {
      this(seed, baselines, detection, progress, evaluator, null);
    }

    public Options withEvaluator(RecordEvaluator e) {
      return new Options(seed, baselines, detection, progress, e, authorizer);
    }

    public Options withAuthorizer(CallAuthorizer a) {
      return new Options(seed, baselines, detection, progress, evaluator, a);
    }
  }

  /** How far the run is: records simulated and evaluated so far, out of about {@code expected}. */
  public record Progress(long records, long expected, String stage) {}

  public CoverageReport run(List<Scenario> scenarios, RuleLibrary library, Options o) throws DetectionException {
    long started = System.nanoTime();
    RecordEvaluator evaluator = o.evaluator() != null ? o.evaluator() : RecordEvaluator.embedded(library, o.detection().evalOptions());
    long expected = o.baselines().stream().mapToLong(BaselineMix::count).sum() + 50L * scenarios.size();
    SimulationOptions sim = SimulationOptions.defaults().withSeed(o.seed());

    List<CloudTrailRecord> baseline = new ArrayList<>();
    List<CoverageReport.Baseline.Profile> profiles = new ArrayList<>();
    for (BaselineMix mix : o.baselines()) {
      SimulationResult r = simulator.run(mix.profile(), mix.count(), sim);
      baseline.addAll(r.records());
      profiles.add(new CoverageReport.Baseline.Profile(mix.profile().id(), mix.count(), r.records().size()));
      o.progress().accept(new Progress(baseline.size() / 2, expected, "simulating " + mix.profile().id()));
    }
    baseline.sort(Comparator.comparing(CloudTrailRecord::eventTime));
    CorrelationHistory history = new CorrelationHistory();
    List<Finding> falsePositives = new ArrayList<>();
    long base = baseline.size() / 2;
    DetectionEngine.using(library, evaluator, o.detection().history(history).progress(p ->
        o.progress().accept(new Progress(base + p.records() / 2, expected, "evaluating baselines"))))
        .run(baseline.iterator(), falsePositives::add);

    CoverageJoin join = new CoverageJoin(library);
    List<ScenarioResult> results = new ArrayList<>();
    long done = baseline.size();
    long simulated = baseline.size();
    DetectionOptions perScenario = o.detection().threads(1).progress(p -> {});
    SimulationOptions scenarioSim = sim.withAuthorizer(o.authorizer());
    for (Scenario s : scenarios) {
      SimulationResult r = simulator.run(s, scenarioSim);
      List<Finding> findings = new ArrayList<>();
      DetectionEngine.using(library, evaluator, perScenario.history(history.copy())).run(r.records().iterator(), findings::add);
      results.add(join.scenario(s, r, findings));
      simulated += r.records().size();
      done += r.records().size();
      o.progress().accept(new Progress(Math.min(done, expected), expected, s.id()));
    }
    o.progress().accept(new Progress(expected, expected, "done"));
    return join.report(results, falsePositives, profiles, baseline.size(), simulated, Duration.ofNanos(System.nanoTime() - started),
        o.authorizer() == null ? null : o.authorizer().source());
  }
}

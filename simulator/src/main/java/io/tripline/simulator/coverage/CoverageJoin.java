package io.tripline.simulator.coverage;

import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.TechniqueAliases;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.RecordOrigin;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.StepAccess;
import io.tripline.simulator.StepReport;
import io.tripline.simulator.scenario.Expectation;
import io.tripline.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins findings with scenarios: which rules fired on which step's records and how soon, whether
 * each expectation held (a technique in either ATT&CK version, or a rule id), and the per-rule,
 * per-technique and breakdown views of the whole run.
 */
final class CoverageJoin {
  private final RuleLibrary library;
  private final TechniqueAliases aliases;

  CoverageJoin(RuleLibrary library) {
    this.library = library;
    this.aliases = library.aliases();
  }

  /** Whether a finding of this rule satisfies an expectation target (rule id or technique). */
  boolean matches(RuleInfo rule, String target) {
    if (rule.id().equalsIgnoreCase(target)) {
      return true;
    }
    return rule.techniqueIds().stream().anyMatch(t -> aliases.same(t, target));
  }

  ScenarioResult scenario(Scenario s, SimulationResult run, List<Finding> findings) {
    Map<Integer, List<String>> idsByStep = new HashMap<>();
    Map<String, CloudTrailRecord> byId = new HashMap<>();
    for (CloudTrailRecord r : run.records()) {
      byId.put(r.eventID(), r);
      run.origin(r.eventID()).flatMap(RecordOrigin::step)
          .ifPresent(step -> idsByStep.computeIfAbsent(step.index(), k -> new ArrayList<>()).add(r.eventID()));
    }
    List<StepResult> steps = new ArrayList<>();
    List<ExpectationResult> expectations = new ArrayList<>();
    for (StepReport st : run.steps()) {
      List<String> ids = idsByStep.getOrDefault(st.index(), List.of());
      Set<String> idSet = new LinkedHashSet<>(ids);
      List<StepResult.Hit> hits = new ArrayList<>();
      List<RuleInfo> hitRules = new ArrayList<>();
      for (Finding f : findings) {
        if (f.eventIDs().stream().anyMatch(idSet::contains)) {
          Duration delay = Duration.between(st.first(), f.trigger().eventTime());
          hits.add(new StepResult.Hit(f.rule().id(), f.severity().label(), f.rule().kind().label(),
              delay.isNegative() ? Duration.ZERO : delay, f.message()));
          hitRules.add(f.rule());
        }
      }
      hits.sort(Comparator.comparing(StepResult.Hit::delay).thenComparing(StepResult.Hit::ruleId));
      String notLogged = st.recorded() == 0 ? reason(st) : "";
      Expectation ex = st.expect() == null ? Expectation.NONE : st.expect();
      List<ExpectationResult> mine = new ArrayList<>();
      // In an IAM-aware replay a step the policies denied is judged on what happened: the denied attempts.
      boolean overridden = st.access().map(StepAccess::overridden).orElse(false);
      for (String target : ex.fire()) {
        List<String> by = firedBy(hitRules, target);
        mine.add(new ExpectationResult(s.id(), st.index(), label(st), "fire", target, !by.isEmpty(), by, notLogged, overridden));
      }
      for (String target : ex.notFire()) {
        List<String> by = firedBy(hitRules, target);
        mine.add(new ExpectationResult(s.id(), st.index(), label(st), "notFire", target, by.isEmpty(), by, notLogged, overridden));
      }
      expectations.addAll(mine);
      String kind = ids.stream().map(byId::get).anyMatch(r -> r != null && r.managementEvent().orElse(true) == Boolean.FALSE)
          ? "data" : "management";
      steps.add(new StepResult(st.index(), label(st), st.call(), st.eventName(), st.actor(), st.outcome(), kind, st.first(),
          st.calls(), st.recorded(), st.notLoggedBecause(), ex, List.copyOf(ids), List.copyOf(hits), stepStatus(mine, notLogged),
          st.access()));
    }
    Expectation whole = s.expect() == null ? Expectation.NONE : s.expect();
    List<RuleInfo> all = findings.stream().map(Finding::rule).toList();
    for (String target : whole.fire()) {
      List<String> by = firedBy(all, target);
      expectations.add(new ExpectationResult(s.id(), -1, "", "fire", target, !by.isEmpty(), by, ""));
    }
    for (String target : whole.notFire()) {
      List<String> by = firedBy(all, target);
      expectations.add(new ExpectationResult(s.id(), -1, "", "notFire", target, by.isEmpty(), by, ""));
    }
    return new ScenarioResult(s.id(), s.title(), s.mitre(), s.file(), run.records().size(), List.copyOf(steps),
        List.copyOf(expectations), List.copyOf(findings), scenarioStatus(expectations));
  }

  private static String label(StepReport st) {
    return st.name() == null || st.name().isEmpty() ? st.call() : st.name();
  }

  private static String reason(StepReport st) {
    return st.notLoggedBecause() == null || st.notLoggedBecause().isEmpty()
        ? "not delivered to any trail" : String.join("; ", st.notLoggedBecause());
  }

  private List<String> firedBy(List<RuleInfo> rules, String target) {
    Set<String> out = new TreeSet<>();
    for (RuleInfo r : rules) {
      if (matches(r, target)) {
        out.add(r.id());
      }
    }
    return List.copyOf(out);
  }

  private static String stepStatus(List<ExpectationResult> mine, String notLogged) {
    if (mine.isEmpty()) {
      return "no-expectation";
    }
    if (!notLogged.isEmpty()) {
      return "not-logged";
    }
    boolean fire = mine.stream().anyMatch(e -> e.kind().equals("fire"));
    if (mine.stream().anyMatch(e -> e.kind().equals("notFire") && !e.held())) {
      return "noisy";
    }
    if (fire) {
      return mine.stream().filter(e -> e.kind().equals("fire")).allMatch(ExpectationResult::held) ? "caught" : "missed";
    }
    return "quiet";
  }

  private static String scenarioStatus(List<ExpectationResult> all) {
    List<ExpectationResult> judged = all.stream().filter(ExpectationResult::judged).toList();
    if (judged.stream().anyMatch(e -> e.kind().equals("notFire") && !e.held())) {
      return "noisy";
    }
    List<ExpectationResult> fire = judged.stream().filter(e -> e.kind().equals("fire")).toList();
    if (fire.isEmpty()) {
      return "quiet";
    }
    long held = fire.stream().filter(ExpectationResult::held).count();
    return held == fire.size() ? "caught" : held == 0 ? "missed" : "partial";
  }

  CoverageReport report(List<ScenarioResult> scenarios, List<Finding> falsePositives,
      List<CoverageReport.Baseline.Profile> profiles, long baselineRecords, long simulated, Duration elapsed, String accessSource) {
    // Rules.
    Map<String, Integer> tp = new HashMap<>();
    Map<String, Set<String>> firedIn = new HashMap<>();
    for (ScenarioResult s : scenarios) {
      for (Finding f : s.findings()) {
        tp.merge(f.rule().id(), 1, Integer::sum);
        firedIn.computeIfAbsent(f.rule().id(), k -> new TreeSet<>()).add(s.id());
      }
    }
    Map<String, Integer> fp = new HashMap<>();
    falsePositives.forEach(f -> fp.merge(f.rule().id(), 1, Integer::sum));
    List<RuleResult> rules = new ArrayList<>();
    for (RuleInfo r : library.rules()) {
      int n = fp.getOrDefault(r.id(), 0);
      rules.add(new RuleResult(r, tp.getOrDefault(r.id(), 0), n, baselineRecords == 0 ? 0 : n * 10_000.0 / baselineRecords,
          List.copyOf(firedIn.getOrDefault(r.id(), Set.of()))));
    }
    // Techniques: from rule metadata and from expectations.
    Map<String, Set<String>> rulesOf = new TreeMap<>();
    for (RuleInfo r : library.rules()) {
      for (String t : r.techniqueIds()) {
        rulesOf.computeIfAbsent(aliases.canonical(t), k -> new TreeSet<>()).add(r.id());
      }
    }
    Map<String, Set<String>> exercised = new TreeMap<>();
    Map<String, Set<String>> caught = new TreeMap<>();
    for (ScenarioResult s : scenarios) {
      for (ExpectationResult e : s.expectations()) {
        if (e.kind().equals("fire") && e.target().matches("T\\d{4}(\\.\\d{3})?")) {
          String c = aliases.canonical(e.target());
          exercised.computeIfAbsent(c, k -> new TreeSet<>()).add(s.id());
          rulesOf.computeIfAbsent(c, k -> new TreeSet<>());
          if (e.held()) {
            caught.computeIfAbsent(c, k -> new TreeSet<>()).add(s.id());
          }
        }
      }
    }
    List<TechniqueResult> techniques = new ArrayList<>();
    rulesOf.forEach((t, rs) -> techniques.add(new TechniqueResult(t, List.copyOf(aliases.allNames(t)), List.copyOf(rs),
        List.copyOf(exercised.getOrDefault(t, Set.of())), List.copyOf(caught.getOrDefault(t, Set.of())))));
    // Breakdown and step coverage.
    Map<String, int[]> rows = new LinkedHashMap<>();
    int expected = 0;
    int stepsCaught = 0;
    int notLogged = 0;
    for (ScenarioResult s : scenarios) {
      for (StepResult st : s.steps()) {
        if (st.expect().fire().isEmpty()) {
          continue;
        }
        boolean logged = !st.status().equals("not-logged");
        boolean ok = st.status().equals("caught");
        if (logged) {
          expected++;
          stepsCaught += ok ? 1 : 0;
        } else {
          notLogged++;
        }
        String outcome = st.outcome() == null || st.outcome().equals("success") ? "success"
            : st.outcome().toLowerCase().contains("denied") || st.outcome().contains("Unauthorized") ? "denied" : "error";
        for (String target : st.expect().fire()) {
          String t = target.matches("T\\d{4}(\\.\\d{3})?") ? aliases.canonical(target) : target;
          int[] row = rows.computeIfAbsent(t + "\u0000" + outcome + "\u0000" + st.eventKind(), k -> new int[3]);
          row[0]++;
          row[1] += ok ? 1 : 0;
          row[2] += logged ? 0 : 1;
        }
      }
    }
    List<CoverageReport.BreakdownRow> breakdown = new ArrayList<>();
    rows.forEach((k, v) -> {
      String[] p = k.split("\u0000");
      breakdown.add(new CoverageReport.BreakdownRow(p[0], p[1], p[2], v[0], v[1], v[2]));
    });
    breakdown.sort(Comparator.comparing(CoverageReport.BreakdownRow::technique).thenComparing(CoverageReport.BreakdownRow::outcome)
        .thenComparing(CoverageReport.BreakdownRow::eventKind));
    return new CoverageReport(List.copyOf(scenarios), List.copyOf(rules), List.copyOf(techniques), List.copyOf(breakdown),
        new CoverageReport.Baseline(List.copyOf(profiles), baselineRecords, falsePositives.size(), List.copyOf(falsePositives)),
        expected, stepsCaught, notLogged, simulated, aliases.currentVersion(), elapsed, accessSource);
  }
}

package io.tripline.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.detect.DetectionEngine;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLibrary;
import io.tripline.simulator.scenario.ScenarioLoader;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationOptions.BaselineMix;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed scenarios replayed through the bundled rule library with the simulated company's
 * context: every variant of seed 000 fires the "Anomalous CloudTrail Log Access" rules on the
 * steps the SOC report names; seed 003's UpdateTrail fires Elastic's "AWS CloudTrail Log Updated"
 * (TRL-CT-003), and its benign look-alike stays quiet once the company's exception is in place.
 */
class SeedDetectionTest {
  static ApiCatalog catalog;
  static ScenarioLibrary scenarios;
  static RuleLibrary withContext;
  static RuleLibrary bare;

  @BeforeAll
  static void load() throws Exception {
    catalog = ApiCatalog.bundled();
    scenarios = new ScenarioLibrary(new ScenarioLoader(catalog), SeedDetectionTest.class.getClassLoader());
    PolicyFiles bundled = PolicyFiles.bundled(SeedDetectionTest.class.getClassLoader());
    Path company = Path.of(SeedDetectionTest.class.getResource("/context/company.yaml").toURI());
    withContext = RuleLibrary.compile(bundled.withData(List.of(company)));
    bare = RuleLibrary.compile(bundled);
  }

  static SimulationResult simulate(Scenario s, boolean baseline) {
    SimulationOptions o = SimulationOptions.defaults();
    if (baseline) {
      o = o.withBaselines(List.of(new BaselineMix(scenarios.baseline("developer").orElseThrow(), 300),
          new BaselineMix(scenarios.baseline("security-auditor").orElseThrow(), 200)));
    }
    return new Simulator(catalog).run(s, o);
  }

  static List<Finding> detect(RuleLibrary lib, List<CloudTrailRecord> records) throws Exception {
    List<Finding> out = new ArrayList<>();
    DetectionEngine.embedded(lib, DetectionOptions.defaults()).run(records.iterator(), out::add);
    return out;
  }

  /** The eventIDs that at least one T1654 rule named. */
  static Set<String> caughtAsLogEnumeration(List<Finding> findings) {
    return findings.stream().filter(f -> f.rule().techniqueIds().contains("T1654"))
        .flatMap(f -> f.eventIDs().stream()).collect(Collectors.toSet());
  }

  @Test
  void everyVariantOfSeed000FiresOnTheStepsTheSocReportNames() throws Exception {
    List<Scenario> variants = scenarios.scenarios().stream()
        .filter(s -> s.id().startsWith("soc-2024-219-cloudtrail-log-enumeration")).toList();
    assertThat(variants).hasSizeGreaterThanOrEqualTo(3);
    for (Scenario s : variants) {
      SimulationResult run = simulate(s, true);
      List<Finding> findings = detect(withContext, run.records());
      Set<String> caught = caughtAsLogEnumeration(findings);
      List<CloudTrailRecord> attack = run.records().stream()
          .filter(r -> "185.143.221.89".equals(r.sourceIPAddress()) && !"ConsoleLogin".equals(r.eventName())).toList();
      assertThat(attack).as(s.id()).isNotEmpty();
      for (CloudTrailRecord r : attack) {
        assertThat(caught).as(s.id() + ": " + r.eventTime() + " " + r.eventName()).contains(r.eventID());
      }
      // The security team and the developer's own day stay quiet for the log-access rules.
      Set<String> baseline = run.records().stream().filter(r -> !"185.143.221.89".equals(r.sourceIPAddress()))
          .map(CloudTrailRecord::eventID).collect(Collectors.toSet());
      assertThat(caught).as(s.id() + " false positives").doesNotContainAnyElementsOf(baseline);
      // The whole pattern is one finding of the correlation rule.
      assertThat(findings.stream().filter(f -> f.rule().id().equals("TRL-CT-010")).count()).as(s.id()).isEqualTo(
          s.id().endsWith("no-data-events") ? 0 : 1);
    }
  }

  @Test
  void seed003FiresOnTheUpdateTrailOfEveryVariant() throws Exception {
    List<Scenario> variants = scenarios.scenarios().stream()
        .filter(s -> s.id().startsWith("cloudtrail-log-delivery-redirected")).toList();
    assertThat(variants).hasSizeGreaterThanOrEqualTo(3);
    for (Scenario s : variants) {
      SimulationResult run = simulate(s, false);
      List<Finding> seed = detect(withContext, run.records()).stream().filter(f -> f.rule().id().equals("TRL-CT-003")).toList();
      assertThat(seed).as(s.id()).hasSize(1);
      assertThat(seed.get(0).trigger().eventName()).isEqualTo("UpdateTrail");
      assertThat(seed.get(0).severity().label()).isEqualTo("low");
      assertThat(seed.get(0).rule().riskScore()).isEqualTo(21);
    }
  }

  @Test
  void theBenignLookAlikeIsQuietOnlyThroughTheCompanysException() throws Exception {
    Scenario benign = scenarios.scenario("cloudtrail-update-trail-change-management").orElseThrow();
    List<CloudTrailRecord> records = simulate(benign, false).records();
    // Elastic's query has no exception: on its own it fires, as its false-positive note warns.
    assertThat(detect(bare, records)).extracting(f -> f.rule().id()).contains("TRL-CT-003");
    // With the company's user+IP exception no T1562.008 rule fires on the change-managed update.
    assertThat(detect(withContext, records)).filteredOn(f -> f.rule().techniqueIds().contains("T1562.008")).isEmpty();
  }
}

package io.tripline.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.BaselineProfile;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLibrary;
import io.tripline.simulator.scenario.ScenarioLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped script, fragment and baseline loads cleanly through the real loader and runs. */
class ShippedScenariosTest {

  static ApiCatalog catalog;
  static ScenarioLibrary library;

  @BeforeAll
  static void load() {
    catalog = ApiCatalog.bundled();
    library = new ScenarioLibrary(new ScenarioLoader(catalog), ShippedScenariosTest.class.getClassLoader());
  }

  static Stream<String> files() {
    ScenarioLibrary lib = new ScenarioLibrary(new ScenarioLoader(ApiCatalog.bundled()), ShippedScenariosTest.class.getClassLoader());
    return lib.resources().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsWithoutDiagnostics(String resource) {
    LoadResult r = library.load(resource);
    assertThat(r.diagnostics()).as(resource).isEmpty();
    if (resource.contains("/fragments/")) {
      assertThat(r.kind()).isEqualTo(LoadResult.Kind.FRAGMENT);
    } else if (resource.contains("/baselines/")) {
      assertThat(r.kind()).isEqualTo(LoadResult.Kind.BASELINE);
      assertThat(r.baselines()).hasSize(1);
      assertThat(resource).endsWith("/" + r.baselines().get(0).id() + ".yaml");
    } else {
      assertThat(r.kind()).isEqualTo(LoadResult.Kind.SCENARIO);
      Scenario s = r.scenarios().get(0);
      assertThat(resource).as("one file per scenario, named by its id").endsWith("/" + s.id() + ".yaml");
      assertThat(s.mitre()).isNotEmpty();
      assertThat(s.references()).as("references of " + s.id()).isNotEmpty();
      assertThat(s.description()).isNotBlank();
      assertThat(s.detection()).as("detection hint of " + s.id()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyScenarioRunsAndIsDeterministic(String resource) {
    for (Scenario s : library.load(resource).scenarios()) {
      Simulator sim = new Simulator(catalog);
      SimulationResult a = sim.run(s, SimulationOptions.defaults().withSeed(7));
      SimulationResult b = sim.run(s, SimulationOptions.defaults().withSeed(7));
      assertThat(a.records()).as(s.id()).isNotEmpty();
      assertThat(a.steps()).hasSize(s.steps().size());
      assertThat(a.records().stream().map(r -> r.json().toString()).toList())
          .isEqualTo(b.records().stream().map(r -> r.json().toString()).toList());
      assertThat(a.records()).allSatisfy(r -> assertThat(r.userAgent()).contains("tripline_" + a.runId()));
    }
  }

  @Test
  void shipsTheSeedsAndAtLeastTwelveMoreScenarios() {
    List<String> ids = library.scenarios().stream().map(Scenario::id).filter(id -> !id.contains("/")).toList();
    assertThat(ids).contains("soc-2024-219-cloudtrail-log-enumeration", "cloudtrail-log-delivery-redirected",
        "cloudtrail-update-trail-change-management");
    assertThat(ids).hasSizeGreaterThanOrEqualTo(14);
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void everyBaselineProfileGeneratesItsMix() {
    List<BaselineProfile> profiles = library.baselines();
    assertThat(profiles).extracting(BaselineProfile::id)
        .contains("developer", "administrator", "ci-cd", "security-auditor", "aws-service-roles");
    for (BaselineProfile p : profiles) {
      SimulationResult r = new Simulator(catalog).run(p, 200, SimulationOptions.defaults());
      assertThat(r.baselineRecords()).as(p.id() + ": records written").isEqualTo(200);
      assertThat(r.records()).as(p.id()).isNotEmpty();
    }
  }

  @Test
  void theDeniedByScpVariantIsRefusedByAServiceControlPolicy() {
    Scenario variant = library.scenario("cloudtrail-stop-logging/denied-by-scp").orElseThrow();
    SimulationResult r = new Simulator(catalog).run(variant, SimulationOptions.defaults());
    assertThat(r.records()).filteredOn(x -> "StopLogging".equals(x.eventName())).singleElement()
        .satisfies(x -> assertThat(x.errorMessage()).endsWith("with an explicit deny in a service control policy"));
  }
}

package io.tripline.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.ApiCatalog;
import io.tripline.simulator.Scenario;
import io.tripline.simulator.ScenarioLibrary;
import io.tripline.simulator.ScenarioLoader;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SOC-2024-219 incident (seed 000): timeline, identity, IP, bucket and keys as the SOC saw them. */
class SeedIncidentScenarioTest {

  static ApiCatalog catalog;
  static ScenarioLibrary library;

  @BeforeAll
  static void load() {
    catalog = ApiCatalog.bundled();
    library = new ScenarioLibrary(new ScenarioLoader(catalog), SeedIncidentScenarioTest.class.getClassLoader());
  }

  SimulationResult run(String id) {
    Scenario s = library.scenario(id).orElseThrow();
    return new Simulator(catalog).run(s, SimulationOptions.defaults());
  }

  @Test
  void replaysTheSocTimelineInUtc() {
    SimulationResult r = run("soc-2024-219-cloudtrail-log-enumeration");
    r.records().forEach(x -> System.out.println(x.json()));
    List<String> timeline = r.records().stream().map(x -> x.eventTime() + " " + x.eventName()).toList();
    assertThat(timeline).containsExactly(
        "2024-03-14T20:45:00Z ConsoleLogin",
        "2024-03-14T21:15:10Z DescribeTrails",
        "2024-03-14T21:15:45Z GetTrailStatus",
        "2024-03-14T21:16:22Z LookupEvents",
        "2024-03-14T21:17:05Z LookupEvents",
        "2024-03-14T21:17:48Z LookupEvents",
        "2024-03-14T21:18:30Z ListObjects",
        "2024-03-14T21:19:15Z GetObject",
        "2024-03-14T21:20:00Z GetObject");
  }
}

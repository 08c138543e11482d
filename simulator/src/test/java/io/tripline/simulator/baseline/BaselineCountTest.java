package io.tripline.simulator.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.scenario.BaselineProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --baseline PROFILE:N}: N is the number of the profile's records written, not of calls drawn. */
class BaselineCountTest {

  static final String BLINDING = """
      id: blind
      title: logging stopped early in the day
      mitre: [T1562.008]
      include: [small-account]
      start: "2024-03-14T09:00:00Z"
      actors:
        intruder: {type: IAMUser, userName: mallory, sourceIp: 203.0.113.9}
      steps:
        - {call: "cloudtrail:StopLogging", params: {name: main}}
      """;

  static final String READERS = """
      baseline: readers
      title: readers
      include: [small-account]
      rhythm: {utcOffset: "+00:00", workHours: "08:00-18:00", offHoursShare: 0.0, weekends: true}
      errorRate: 0
      actors:
        reader: {type: IAMUser, userName: reader, sourceIp: 192.0.2.7}
      mix:
        - {call: "cloudtrail:DescribeTrails"}
      """;

  private final Simulator simulator = new Simulator(Fixtures.CATALOG);
  private final BaselineProfile readers = Fixtures.load(READERS).baselines().get(0);

  @Test
  void callsNoTrailRecordsAreReplacedSoNRecordsAreWritten() {
    SimulationResult r = simulator.run(Fixtures.scenario(BLINDING),
        SimulationOptions.defaults().withBaselines(List.of(new SimulationOptions.BaselineMix(readers, 40))));
    assertThat(r.baselineNotLogged()).as("some calls fell after StopLogging").isPositive();
    assertThat(r.baselineRecords()).isEqualTo(40);
    assertThat(r.baselines()).singleElement().satisfies(b -> {
      assertThat(b.written()).isEqualTo(40);
      assertThat(b.shortfall()).isFalse();
    });
  }

  @Test
  void aTrailThatRecordsNothingIsAShortfallNotASilentlySmallerCount() {
    String dark = BLINDING.replace("steps:", "world:\n  trails: [{name: main, bucket: main-trail-logs, logging: false}]\nsteps:");
    SimulationResult r = simulator.run(Fixtures.scenario(dark),
        SimulationOptions.defaults().withBaselines(List.of(new SimulationOptions.BaselineMix(readers, 10))));
    assertThat(r.baselines()).singleElement().satisfies(b -> {
      assertThat(b.requested()).isEqualTo(10);
      assertThat(b.written()).isZero();
      assertThat(b.shortfall()).isTrue();
    });
  }

  @Test
  void theSameSeedWritesTheSameBaseline() {
    SimulationOptions o = SimulationOptions.defaults().withBaselines(List.of(new SimulationOptions.BaselineMix(readers, 25)));
    List<String> a = simulator.run(Fixtures.scenario(BLINDING), o).records().stream().map(x -> x.json().toString()).toList();
    List<String> b = simulator.run(Fixtures.scenario(BLINDING), o).records().stream().map(x -> x.json().toString()).toList();
    assertThat(a).isEqualTo(b);
  }
}

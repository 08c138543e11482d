package io.tripline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.scenario.BaselineProfile;
import io.tripline.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record of a run can be traced to its scenario step or baseline profile, beside the records. */
class RecordOriginTest {

  static final String ATTACK = """
      id: trace
      title: trace
      mitre: [T1562.001]
      include: [small-account]
      start: "2024-03-14T16:00:00Z"
      actors:
        intruder: {type: IAMUser, userName: mallory, sourceIp: 203.0.113.9}
      steps:
        - name: look around
          call: cloudtrail:DescribeTrails
        - name: blind the trail
          after: 1m
          call: cloudtrail:StopLogging
          params: {name: main}
          expect: {fire: [T1562.001]}
      vary:
        - name: refused
          set: {steps: [{call: "cloudtrail:DescribeTrails", outcome: denied}]}
      """;

  static final String BASELINE = """
      baseline: readers
      title: readers
      include: [small-account]
      actors:
        reader: {type: IAMUser, userName: reader, sourceIp: 192.0.2.7}
      mix:
        - {call: "cloudtrail:DescribeTrails"}
      """;

  static final Set<String> AWS_FIELDS = Set.of("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
      "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "requestParameters", "responseElements", "additionalEventData",
      "requestID", "eventID", "readOnly", "resources", "eventType", "apiVersion", "managementEvent", "recipientAccountId",
      "sharedEventID", "serviceEventDetails", "vpcEndpointId", "eventCategory", "tlsDetails", "sessionCredentialFromConsole");

  private SimulationResult run(String scenarioId) {
    List<Scenario> scripts = Fixtures.load(ATTACK).scenarios();
    BaselineProfile readers = Fixtures.load(BASELINE).baselines().get(0);
    Scenario s = scripts.stream().filter(x -> x.id().equals(scenarioId)).findFirst().orElseThrow();
    return new Simulator(Fixtures.CATALOG).run(s, SimulationOptions.defaults()
        .withBaselines(List.of(new SimulationOptions.BaselineMix(readers, 5))));
  }

  @Test
  void everyRecordIsTracedToItsStepOrBaselineProfile() {
    SimulationResult r = run("trace");
    assertThat(r.origins()).hasSize(r.records().size());
    for (CloudTrailRecord rec : r.records()) {
      RecordOrigin o = r.origin(rec.eventID()).orElseThrow();
      assertThat(o.scenarioId()).contains("trace");
      if (o.fromBaseline()) {
        assertThat(o.baseline()).contains("readers");
        assertThat(o.actor()).isEqualTo("reader");
        assertThat(o.step()).isEmpty();
      } else {
        assertThat(o.actor()).isEqualTo("intruder");
        assertThat(o.step()).isPresent();
      }
    }
    RecordOrigin stop = r.origins().values().stream().filter(o -> o.step().map(s -> s.index() == 1).orElse(false)).findFirst().orElseThrow();
    assertThat(stop.step().get().name()).isEqualTo("blind the trail");
    assertThat(stop.step().get().expect().fire()).containsExactly("T1562.001");
    assertThat(stop.expectedOutcome()).isEqualTo("success");
    assertThat(r.origins().values()).filteredOn(RecordOrigin::fromBaseline).hasSize(r.baselineRecords());
  }

  @Test
  void variantsAndDeniedStepsAreNamed() {
    SimulationResult r = run("trace/refused");
    RecordOrigin first = r.origins().values().stream().filter(o -> !o.fromBaseline()).findFirst().orElseThrow();
    assertThat(first.scenarioId()).contains("trace");
    assertThat(first.variant()).contains("refused");
    assertThat(first.expectedOutcome()).isEqualTo("denied");
    assertThat(first.errorCode()).contains("AccessDeniedException");
  }

  @Test
  void recordsCarryOnlyFieldsAwsWrites() {
    assertThat(run("trace").records()).allSatisfy(rec -> assertThat(AWS_FIELDS).containsAll(() -> rec.json().fieldNames()));
  }

  @Test
  void theManifestRoundTrips(@TempDir Path dir) throws Exception {
    SimulationResult r = run("trace/refused");
    RunManifest.of(List.of(r), List.of("records.jsonl")).write(dir);
    RunManifest back = RunManifest.read(dir).orElseThrow();
    assertThat(back.files()).containsExactly("records.jsonl");
    assertThat(back.origins()).isEqualTo(r.origins());
    assertThat(back.runs()).singleElement().satisfies(run -> {
      assertThat(run.scenarioId()).contains("trace");
      assertThat(run.variant()).contains("refused");
      assertThat(run.seed()).isEqualTo(1);
    });
  }
}

package io.tripline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.core.record.CloudTrailRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several scenarios in one account world: state one leaves is what the others see. */
class SharedWorldTest {

  static final String CHANGE = """
      id: change
      title: validation turned on under change management
      mitre: [T1562.008]
      include: [small-account]
      start: "2024-03-12T15:00:00Z"
      actors:
        admin: {type: AssumedRole, roleName: CloudAdmin, sessionName: jane, sourceIp: 192.0.2.44}
      steps:
        - call: cloudtrail:UpdateTrail
          params: {name: main, s3BucketName: main-trail-logs, enableLogFileValidation: true}
      """;

  static final String ATTACK = """
      id: redirect
      title: delivery redirected
      mitre: [T1562.008]
      include: [small-account]
      start: "2024-03-14T16:00:00Z"
      actors:
        intruder: {type: IAMUser, userName: mallory, sourceIp: 203.0.113.9}
      steps:
        - call: cloudtrail:UpdateTrail
          params: {name: main, s3BucketName: elsewhere}
        - after: 5m
          call: iam:CreateUser
          params: {userName: later}
      """;

  private final Simulator simulator = new Simulator(Fixtures.CATALOG);

  private static CloudTrailRecord update(SimulationResult r) {
    return r.records().stream().filter(x -> x.eventName().equals("UpdateTrail")).findFirst().orElseThrow();
  }

  @Test
  void anAttackSeesWhatAnEarlierScenarioChanged() {
    List<SimulationResult> both = simulator.run(List.of(Fixtures.scenario(CHANGE), Fixtures.scenario(ATTACK)), SimulationOptions.defaults());
    assertThat(both).extracting(SimulationResult::scenarioId).containsExactly("change", "redirect");
    assertThat(update(both.get(1)).responseElements().path("logFileValidationEnabled").asBoolean())
        .as("validation was turned on by the change two days before").isTrue();
    assertThat(update(simulator.run(Fixtures.scenario(ATTACK), SimulationOptions.defaults())).responseElements()
        .path("logFileValidationEnabled").asBoolean()).as("alone, the trail never had it").isFalse();
  }

  @Test
  void eachRecordBelongsToItsScenario() {
    List<SimulationResult> both = simulator.run(List.of(Fixtures.scenario(CHANGE), Fixtures.scenario(ATTACK)), SimulationOptions.defaults());
    assertThat(both.get(0).origins().values()).allSatisfy(o -> assertThat(o.scenarioId()).contains("change"));
    assertThat(both.get(1).origins().values()).allSatisfy(o -> assertThat(o.scenarioId()).contains("redirect"));
    assertThat(both.get(1).records()).extracting(CloudTrailRecord::eventName).containsExactly("UpdateTrail");
    assertThat(both.get(1).steps()).hasSize(2);
    assertThat(both.get(1).steps().get(1).logged()).as("delivery now leaves the account").isFalse();
    assertThat(both.get(0).steps()).hasSize(1);
  }

  @Test
  void scenariosOfDifferentAccountsDoNotShareAWorld() {
    String other = ATTACK.replace("include: [small-account]", "account: \"999988887777\"");
    assertThatThrownBy(() -> simulator.run(List.of(Fixtures.scenario(CHANGE), Fixtures.scenario(other)), SimulationOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999988887777");
  }
}

package io.tripline.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.Fixtures;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.scenario.BaselineProfile;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One account world, one set of ids per identity, whichever actor or baseline uses it. */
class IdentitiesTest {

  static final String SCRIPT = """
      id: same-user
      title: same user, several actors
      mitre: [T1078.004]
      include: [small-account]
      start: "2024-03-14T16:00:00Z"
      actors:
        laptop: {type: IAMUser, userName: jdoe, via: cli, sourceIp: 203.0.113.5}
        browser: {type: IAMUser, userName: jdoe, via: console, sourceIp: 203.0.113.5}
        deploy1: {type: AssumedRole, roleName: Deployer, sessionName: build-1, sourceIp: 203.0.113.6}
        deploy2: {type: AssumedRole, roleName: Deployer, sessionName: build-2, sourceIp: 203.0.113.6}
      steps:
        - {call: "cloudtrail:DescribeTrails", actor: laptop}
        - {call: "cloudtrail:DescribeTrails", actor: browser, after: 1m}
        - {call: "cloudtrail:DescribeTrails", actor: deploy1, after: 1m}
        - {call: "cloudtrail:DescribeTrails", actor: deploy2, after: 1m}
      """;

  static final String BASELINE = """
      baseline: jdoe-daily
      title: jdoe's normal day
      include: [small-account]
      actors:
        me: {type: IAMUser, userName: jdoe, sourceIp: 192.0.2.9}
      mix:
        - {call: "cloudtrail:GetTrailStatus", params: {name: main}}
      """;

  private SimulationResult run(long seed) {
    BaselineProfile daily = Fixtures.load(BASELINE).baselines().get(0);
    return new Simulator(Fixtures.CATALOG).run(Fixtures.scenario(SCRIPT),
        SimulationOptions.defaults().withSeed(seed).withBaselines(List.of(new SimulationOptions.BaselineMix(daily, 4))));
  }

  private static Set<String> values(List<CloudTrailRecord> records, String arnPart, String field) {
    return records.stream().filter(r -> r.json().path("userIdentity").path("arn").asText().contains(arnPart))
        .map(r -> r.json().path("userIdentity").path(field).asText()).collect(Collectors.toSet());
  }

  @Test
  void aUserHasOnePrincipalIdAcrossActorsAndBaselines() {
    SimulationResult r = run(1);
    assertThat(r.records()).hasSizeGreaterThan(4);
    assertThat(values(r.records(), ":user/jdoe", "principalId")).singleElement().asString().matches("AIDA[A-Z2-7]{17}");
  }

  @Test
  void accessKeysArePerCredentialNotPerActor() {
    SimulationResult r = run(1);
    Set<String> keys = values(r.records(), ":user/jdoe", "accessKeyId");
    assertThat(keys).hasSize(2).anySatisfy(k -> assertThat(k).startsWith("AKIA")).anySatisfy(k -> assertThat(k).startsWith("ASIA"));
    assertThat(values(r.records(), "assumed-role/Deployer/", "accessKeyId")).hasSize(2);
  }

  @Test
  void sessionsOfOneRoleShareTheRoleId() {
    SimulationResult r = run(1);
    Set<String> issuers = r.records().stream().filter(x -> x.json().path("userIdentity").path("arn").asText().contains("assumed-role/Deployer/"))
        .map(x -> x.json().path("userIdentity").path("sessionContext").path("sessionIssuer").path("principalId").asText())
        .collect(Collectors.toSet());
    assertThat(issuers).singleElement().asString().matches("AROA[A-Z2-7]{17}");
    assertThat(values(r.records(), "assumed-role/Deployer/", "principalId")).hasSize(2)
        .allSatisfy(p -> assertThat(p).startsWith(issuers.iterator().next() + ":build-"));
  }

  @Test
  void idsComeFromTheSeed() {
    assertThat(values(run(1).records(), ":user/jdoe", "principalId")).isEqualTo(values(run(1).records(), ":user/jdoe", "principalId"));
    assertThat(values(run(2).records(), ":user/jdoe", "principalId")).isNotEqualTo(values(run(1).records(), ":user/jdoe", "principalId"));
  }
}

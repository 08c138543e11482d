package io.tripline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.scenario.Scenario;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static final String SCRIPT = """
      id: sim
      title: sim
      mitre: [T1654]
      include: [small-account]
      start: "2024-03-14T16:00:00Z"
      actors:
        dev: {type: IAMUser, userName: dev, sourceIp: 203.0.113.5}
        role: {type: AssumedRole, roleName: Deployer, sessionName: build-42, sourceIp: 203.0.113.6}
      steps:
        - call: cloudtrail:DescribeTrails
          actor: dev
        - after: 30s
          jitter: 10s
          actor: role
          call: cloudtrail:LookupEvents
          repeat: {count: 3, every: 2s}
      """;

  private final Simulator simulator = new Simulator(Fixtures.CATALOG);

  private List<String> bytes(SimulationOptions o) {
    return simulator.run(Fixtures.scenario(SCRIPT), o).records().stream().map(r -> r.json().toString()).toList();
  }

  @Test
  void sameSeedAndStartGiveIdenticalRecords() {
    assertThat(bytes(SimulationOptions.defaults().withSeed(42))).isEqualTo(bytes(SimulationOptions.defaults().withSeed(42)));
  }

  @Test
  void anotherSeedChangesIdsButNotTheStory() {
    List<CloudTrailRecord> a = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults().withSeed(1)).records();
    List<CloudTrailRecord> b = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults().withSeed(2)).records();
    assertThat(a).extracting(CloudTrailRecord::eventName).isEqualTo(b.stream().map(CloudTrailRecord::eventName).toList());
    assertThat(a.get(0).eventID()).isNotEqualTo(b.get(0).eventID());
    assertThat(a.get(0).userIdentity().json().path("accessKeyId").asText())
        .isNotEqualTo(b.get(0).userIdentity().json().path("accessKeyId").asText());
  }

  @Test
  void startMovesTheWholeTimeline() {
    SimulationResult r = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults().withStart(Instant.parse("2025-01-01T00:00:00Z")));
    assertThat(r.records().get(0).eventTime()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(r.records()).hasSize(4);
  }

  @Test
  void aRelativeStartIsAnOffsetFromTheRunStart() {
    Scenario s = Fixtures.scenario(SCRIPT.replace("start: \"2024-03-14T16:00:00Z\"", "start: 2h"));
    SimulationResult r = simulator.run(s, SimulationOptions.defaults().withStart(Instant.parse("2025-01-01T00:00:00Z")));
    assertThat(r.records().get(0).eventTime()).isEqualTo(Instant.parse("2025-01-01T02:00:00Z"));
  }

  @Test
  void theRunIdTagsUserAgentsUnlessDisabled() {
    SimulationResult tagged = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults());
    assertThat(tagged.records()).allSatisfy(r -> assertThat(r.userAgent()).endsWith(" tripline_" + tagged.runId()));
    SimulationResult plain = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults().withTag(false));
    assertThat(plain.records()).allSatisfy(r -> assertThat(r.userAgent()).doesNotContain("tripline"));
    assertThat(plain.records().get(0).userAgent()).startsWith("aws-cli/2.").contains("command/cloudtrail.describe-trails");
  }

  @Test
  void identitiesFollowAwsFormatsPerType() {
    List<CloudTrailRecord> r = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults()).records();
    var user = r.get(0).userIdentity().json();
    assertThat(user.path("principalId").asText()).matches("AIDA[A-Z2-7]{17}");
    assertThat(user.path("accessKeyId").asText()).matches("AKIA[A-Z2-7]{16}");
    assertThat(user.has("sessionContext")).isFalse();
    var role = r.get(1).userIdentity().json();
    assertThat(role.path("type").asText()).isEqualTo("AssumedRole");
    assertThat(role.path("principalId").asText()).matches("AROA[A-Z2-7]{17}:build-42");
    assertThat(role.path("arn").asText()).isEqualTo("arn:aws:sts::111122223333:assumed-role/Deployer/build-42");
    assertThat(role.path("accessKeyId").asText()).startsWith("ASIA");
    assertThat(role.path("sessionContext").path("sessionIssuer").path("arn").asText()).isEqualTo("arn:aws:iam::111122223333:role/Deployer");
    assertThat(role.path("sessionContext").path("sessionIssuer").path("principalId").asText())
        .isEqualTo(role.path("principalId").asText().substring(0, 21));
  }

  @Test
  void jitterStaysWithinItsBounds() {
    for (long seed = 0; seed < 20; seed++) {
      List<CloudTrailRecord> r = simulator.run(Fixtures.scenario(SCRIPT), SimulationOptions.defaults().withSeed(seed)).records();
      for (int rep = 0; rep < 3; rep++) {
        Instant nominal = Instant.parse("2024-03-14T16:00:30Z").plusSeconds(2L * rep);
        assertThat(r.get(1 + rep).eventTime()).isBetween(nominal.minusSeconds(10), nominal.plusSeconds(10));
      }
    }
  }

  @Test
  void deniedCallsAreWrittenAsTheServiceWritesThem() {
    SimulationResult r = Fixtures.run(Fixtures.oneStep(Fixtures.CLI_USER, """
        call: ec2:DescribeInstances
        outcome: denied"""));
    CloudTrailRecord rec = r.records().get(0);
    assertThat(rec.errorCode()).isEqualTo("Client.UnauthorizedOperation");
    assertThat(rec.errorMessage()).startsWith("You are not authorized to perform this operation.")
        .contains("arn:aws:iam::111122223333:user/alice");
    assertThat(rec.requestParameters().toString()).isEqualTo("{\"instancesSet\":{},\"filterSet\":{}}");
    assertThat(rec.responseElements().isNull()).isTrue();
  }

  @Test
  void rootFederatedAndCrossAccountIdentities() {
    String yaml = """
        id: ids
        title: ids
        mitre: [T1078]
        include: [small-account]
        start: "2024-03-14T16:00:00Z"
        actors:
          root: {type: Root, via: console, mfa: true, sourceIp: 203.0.113.1}
          fed: {type: FederatedUser, userName: carol, issuerUserName: broker, sourceIp: 203.0.113.2}
          partner: {type: AssumedRole, roleName: Auditor, sessionName: partner, accountId: "999988887777", sourceIp: 203.0.113.3}
        steps:
          - {actor: root, call: "iam:ListUsers"}
          - {actor: fed, call: "s3:ListBuckets", after: 1s}
          - {actor: partner, call: "cloudtrail:DescribeTrails", after: 1s}
        """;
    List<CloudTrailRecord> r = Fixtures.run(yaml).records();
    var root = r.get(0).userIdentity().json();
    assertThat(root.path("type").asText()).isEqualTo("Root");
    assertThat(root.path("principalId").asText()).isEqualTo("111122223333");
    assertThat(root.path("arn").asText()).isEqualTo("arn:aws:iam::111122223333:root");
    assertThat(root.path("sessionContext").path("attributes").path("mfaAuthenticated").asText()).isEqualTo("true");
    var fed = r.get(1).userIdentity().json();
    assertThat(fed.path("principalId").asText()).isEqualTo("111122223333:carol");
    assertThat(fed.path("arn").asText()).isEqualTo("arn:aws:sts::111122223333:federated-user/carol");
    assertThat(fed.path("sessionContext").path("sessionIssuer").path("type").asText()).isEqualTo("IAMUser");
    assertThat(fed.path("sessionContext").path("sessionIssuer").path("userName").asText()).isEqualTo("broker");
    CloudTrailRecord cross = r.get(2);
    assertThat(cross.userIdentity().json().path("accountId").asText()).isEqualTo("999988887777");
    assertThat(cross.recipientAccountId()).isEqualTo("111122223333");
    assertThat(cross.sharedEventID()).matches("[0-9a-f-]{36}");
    assertThat(r.get(0).sharedEventID()).isNull();
  }
}

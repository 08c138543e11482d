package io.tripline.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.Fixtures;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.StepReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account model decides what CloudTrail records, and calls change it. */
class AccountModelTest {

  private static String script(String steps) {
    return """
        id: model
        title: model
        mitre: [T1562.008]
        include: [small-account]
        start: "2024-03-14T16:00:00Z"
        actors:
          a: {type: IAMUser, userName: mallory, sourceIp: 203.0.113.9}
        steps:
        %s
        """.formatted(steps.indent(2));
  }

  private static List<String> names(SimulationResult r) {
    return r.records().stream().map(CloudTrailRecord::eventName).toList();
  }

  @Test
  void objectReadsAreDataEventsRecordedOnlyForSelectedBuckets() {
    SimulationResult r = Fixtures.run(script("""
        - call: s3:GetObject
          params: {bucketName: main-trail-logs, key: AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14/f.json.gz}
        - after: 1s
          call: s3:GetObject
          params: {bucketName: app-data, key: report.csv}
        """));
    assertThat(r.records()).singleElement().satisfies(rec -> {
      assertThat(rec.eventCategory()).isEqualTo("Data");
      assertThat(rec.requestParameters().path("bucketName").asText()).isEqualTo("main-trail-logs");
    });
    assertThat(r.unlogged()).singleElement().satisfies(s -> assertThat(s.notLoggedBecause())
        .anySatisfy(why -> assertThat(why).contains("data events for arn:aws:s3:::app-data/report.csv are not selected")));
  }

  @Test
  void stopLoggingIsRecordedButWhatFollowsIsNot() {
    SimulationResult r = Fixtures.run(script("""
        - call: cloudtrail:StopLogging
          params: {name: main}
        - after: 1m
          call: iam:CreateAccessKey
          params: {userName: mallory}
        - after: 1m
          call: cloudtrail:StartLogging
          params: {name: main}
        - after: 1m
          call: sts:GetCallerIdentity
        """));
    assertThat(names(r)).containsExactly("StopLogging", "GetCallerIdentity");
    StepReport hidden = r.steps().get(1);
    assertThat(hidden.logged()).isFalse();
    assertThat(hidden.notLoggedBecause()).singleElement().asString()
        .contains("trail main: logging is off (stopped by step 1 (cloudtrail:StopLogging)");
    assertThat(r.steps().get(2).logged()).as("StartLogging happens while the trail is off").isFalse();
  }

  @Test
  void eventSelectorsWithoutManagementEventsBlindTheTrail() {
    SimulationResult r = Fixtures.run(script("""
        - call: cloudtrail:PutEventSelectors
          params:
            trailName: main
            eventSelectors: [{readWriteType: All, includeManagementEvents: false, dataResources: []}]
        - after: 1m
          call: iam:CreateUser
          params: {userName: backdoor}
        """));
    assertThat(names(r)).containsExactly("PutEventSelectors");
    assertThat(r.steps().get(1).notLoggedBecause().get(0)).contains("management events (write) from iam.amazonaws.com are not selected");
  }

  @Test
  void advancedSelectorsCanExcludeOneService() {
    SimulationResult r = Fixtures.run(script("""
        - call: cloudtrail:PutEventSelectors
          params:
            trailName: main
            advancedEventSelectors:
              - fieldSelectors:
                  - {field: eventCategory, equals: [Management]}
                  - {field: eventSource, notEquals: [iam.amazonaws.com]}
        - after: 1m
          call: iam:CreateUser
          params: {userName: backdoor}
        - after: 1m
          call: ec2:DescribeInstances
        """));
    assertThat(names(r)).containsExactly("PutEventSelectors", "DescribeInstances");
  }

  @Test
  void updateTrailRedirectsDeliveryOutOfTheAccount() {
    SimulationResult r = Fixtures.run(script("""
        - call: cloudtrail:UpdateTrail
          params: {name: main, s3BucketName: elsewhere-logs}
        - after: 1m
          call: cloudtrail:GetTrailStatus
          params: {name: main}
        """));
    assertThat(names(r)).containsExactly("UpdateTrail");
    CloudTrailRecord update = r.records().get(0);
    assertThat(update.responseElements().path("s3BucketName").asText()).isEqualTo("elsewhere-logs");
    assertThat(r.steps().get(1).notLoggedBecause().get(0)).contains("elsewhere-logs");
  }

  @Test
  void deletedDetectorsAreGoneForLaterSteps() {
    SimulationResult r = Fixtures.run(script("""
        - call: guardduty:DeleteDetector
        - after: 1m
          call: guardduty:DeleteDetector
          params: {detectorId: 0123456789abcdef0123456789abcdef}
        """));
    assertThat(r.records()).extracting(CloudTrailRecord::errorCode).containsExactly(null, "BadRequestException");
    assertThat(r.records().get(0).requestParameters().path("detectorId").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(r.steps().get(1).outcome()).isEqualTo("BadRequestException");
  }

  @Test
  void callsOnAMissingTrailFailAsAwsWould() {
    SimulationResult r = Fixtures.run(script("""
        - call: cloudtrail:StopLogging
          params: {name: no-such-trail}
        """));
    CloudTrailRecord rec = r.records().get(0);
    assertThat(rec.errorCode()).isEqualTo("TrailNotFoundException");
    assertThat(rec.errorMessage()).isEqualTo("Unknown trail: arn:aws:cloudtrail:us-east-1:111122223333:trail/no-such-trail for the user: 111122223333");
    assertThat(rec.responseElements().isNull()).isTrue();
  }

  @Test
  void aBucketPolicyDenyingCloudTrailStopsDelivery() {
    SimulationResult r = Fixtures.run(script("""
        - call: s3:PutBucketPolicy
          params:
            bucketName: main-trail-logs
            bucketPolicy:
              Statement: [{Effect: Deny, Principal: {Service: cloudtrail.amazonaws.com}, Action: "s3:PutObject", Resource: "*"}]
        - after: 1m
          call: sts:GetCallerIdentity
        """));
    assertThat(names(r)).containsExactly("PutBucketPolicy");
    assertThat(r.steps().get(1).notLoggedBecause().get(0)).contains("denies cloudtrail.amazonaws.com");
  }

  @Test
  void managementEventsNoTrailDeliversStayInEventHistoryDataEventsDoNot() {
    SimulationResult r = Fixtures.run(script("""
        - call: cloudtrail:DeleteTrail
          params: {name: main}
        - after: 1m
          call: iam:CreateUser
          params: {userName: backdoor}
        - after: 1m
          call: s3:GetObject
          params: {bucketName: main-trail-logs, key: AWSLogs/x.json.gz}
        """));
    StepReport management = r.steps().get(1);
    assertThat(management.logged()).isFalse();
    assertThat(management.stillVisibleIn()).contains("CloudTrail Event history (LookupEvents, 90 days) in us-east-1");
    StepReport data = r.steps().get(2);
    assertThat(data.logged()).isFalse();
    assertThat(data.stillVisibleIn()).isEmpty();
    assertThat(r.steps().get(0).stillVisibleIn()).as("delivered").isEmpty();
  }

  private static final String ATTACK_UPDATE = """
      - after: 1h
        call: cloudtrail:UpdateTrail
        params: {name: main, s3BucketName: attacker-bucket}
      """;

  @Test
  void anUpdateTrailResponseShowsTheTrailAsEarlierStepsLeftIt() {
    SimulationResult afterChange = Fixtures.run(script("""
        - call: cloudtrail:UpdateTrail
          params: {name: main, s3BucketName: main-trail-logs, enableLogFileValidation: true}
        """ + ATTACK_UPDATE));
    assertThat(afterChange.records()).hasSize(2);
    assertThat(afterChange.records().get(0).responseElements().path("logFileValidationEnabled").asBoolean()).isTrue();
    assertThat(afterChange.records().get(1).responseElements().path("logFileValidationEnabled").asBoolean())
        .as("the attacker did not touch validation: it stays as the change left it").isTrue();
    assertThat(afterChange.records().get(1).responseElements().path("s3BucketName").asText()).isEqualTo("attacker-bucket");

    SimulationResult alone = Fixtures.run(script("- call: sts:GetCallerIdentity\n" + ATTACK_UPDATE));
    assertThat(alone.records().get(1).responseElements().path("logFileValidationEnabled").asBoolean())
        .as("the account's trail never had validation on").isFalse();
  }

  @Test
  void theWorldCanDeclareLogFileValidation() {
    String declared = script("- call: sts:GetCallerIdentity\n" + ATTACK_UPDATE)
        .replace("steps:", "world:\n  trails: [{name: main, bucket: main-trail-logs, logFileValidation: true}]\nsteps:");
    assertThat(Fixtures.run(declared).records().get(1).responseElements().path("logFileValidationEnabled").asBoolean()).isTrue();
  }
}

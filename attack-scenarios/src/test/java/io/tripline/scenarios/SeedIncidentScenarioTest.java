package io.tripline.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.ReadMode;
import io.tripline.core.log.S3LayoutWriter;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLibrary;
import io.tripline.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two seed documents, replayed: SOC-2024-219 (seed 000) with its timeline (EST = UTC-5),
 * identity, IP, bucket and object keys; and Elastic's "AWS CloudTrail Log Updated" (seed 003).
 */
class SeedIncidentScenarioTest {

  static ApiCatalog catalog;
  static ScenarioLibrary library;

  @BeforeAll
  static void load() {
    catalog = ApiCatalog.bundled();
    library = new ScenarioLibrary(new ScenarioLoader(catalog), SeedIncidentScenarioTest.class.getClassLoader());
  }

  static SimulationResult run(String id) {
    Scenario s = library.scenario(id).orElseThrow();
    return new Simulator(catalog).run(s, SimulationOptions.defaults());
  }

  @Test
  void replaysTheSocTimelineInUtc() {
    SimulationResult r = run("soc-2024-219-cloudtrail-log-enumeration");
    List<String> timeline = r.records().stream().map(x -> x.eventTime() + " " + x.eventSource() + " " + x.eventName()).toList();
    assertThat(timeline).containsExactly(
        "2024-03-14T20:45:00Z signin.amazonaws.com ConsoleLogin",
        "2024-03-14T21:15:10Z cloudtrail.amazonaws.com DescribeTrails",
        "2024-03-14T21:15:45Z cloudtrail.amazonaws.com GetTrailStatus",
        "2024-03-14T21:16:22Z cloudtrail.amazonaws.com LookupEvents",
        "2024-03-14T21:17:05Z cloudtrail.amazonaws.com LookupEvents",
        "2024-03-14T21:17:48Z cloudtrail.amazonaws.com LookupEvents",
        "2024-03-14T21:18:30Z s3.amazonaws.com ListObjects",
        "2024-03-14T21:19:15Z s3.amazonaws.com GetObject",
        "2024-03-14T21:20:00Z s3.amazonaws.com GetObject");
    assertThat(r.records()).allSatisfy(x -> assertThat(x.errorCode()).isNull());
  }

  @Test
  void everyRecordIsDevUserFromBulgariaInTheSeedAccount() {
    SimulationResult r = run("soc-2024-219-cloudtrail-log-enumeration");
    assertThat(r.records()).allSatisfy(x -> {
      assertThat(x.sourceIPAddress()).isEqualTo("185.143.221.89");
      assertThat(x.userIdentity().json().path("type").asText()).isEqualTo("IAMUser");
      assertThat(x.userIdentity().json().path("userName").asText()).isEqualTo("dev_user");
      assertThat(x.userIdentity().json().path("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/dev_user");
      assertThat(x.recipientAccountId()).isEqualTo("123456789012");
      assertThat(x.awsRegion()).isEqualTo("us-east-1");
    });
    CloudTrailRecord login = r.records().get(0);
    assertThat(login.responseElements().path("ConsoleLogin").asText()).isEqualTo("Success");
    assertThat(login.additionalEventData().path("MFAUsed").asText()).as("no MFA on the account").isEqualTo("No");
    CloudTrailRecord describe = r.records().get(1);
    assertThat(describe.userIdentity().json().path("sessionContext").path("attributes").path("creationDate").asText())
        .as("the console session began at the Bulgarian sign-in").isEqualTo("2024-03-14T20:45:00Z");
  }

  @Test
  void searchesEventHistoryForCreateUserAndConsoleLogin() {
    SimulationResult r = run("soc-2024-219-cloudtrail-log-enumeration");
    List<String> lookups = r.records().stream().filter(x -> x.eventName().equals("LookupEvents"))
        .map(x -> x.requestParameters().path("lookupAttributes").get(0).path("attributeValue").asText()).toList();
    assertThat(lookups).containsExactly("admin", "CreateUser", "ConsoleLogin");
  }

  @Test
  void listsAndDownloadsTheTwoLogFilesAsDataEvents() {
    SimulationResult r = run("soc-2024-219-cloudtrail-log-enumeration");
    List<CloudTrailRecord> s3 = r.records().stream().filter(x -> x.eventSource().equals("s3.amazonaws.com")).toList();
    assertThat(s3).allSatisfy(x -> {
      assertThat(x.eventCategory()).isEqualTo("Data");
      assertThat(x.requestParameters().path("bucketName").asText()).isEqualTo("company-cloudtrail-logs");
    });
    assertThat(s3.get(0).requestParameters().path("prefix").asText()).isEqualTo("AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/");
    assertThat(s3.get(1).requestParameters().path("key").asText())
        .isEqualTo("AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z.json");
    assertThat(s3.get(1).resources()).extracting(CloudTrailRecord.Resource::arn).containsExactly(
        "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z.json",
        "arn:aws:s3:::company-cloudtrail-logs");
    assertThat(s3.get(2).requestParameters().path("key").asText()).endsWith("_CloudTrail_us-east-1_20240314T1605Z.json");
    long bytes = s3.stream().skip(1).mapToLong(x -> x.additionalEventData().path("bytesTransferredOut").asLong()).sum();
    assertThat(bytes).as("about 5 MB in two files").isBetween(4_500_000L, 5_500_000L);
  }

  @Test
  void withoutDataEventSelectorsTheDownloadsWouldBeInvisible() {
    SimulationResult r = new Simulator(catalog).run(library.scenario("soc-2024-219-cloudtrail-log-enumeration/no-data-events").orElseThrow(),
        SimulationOptions.defaults());
    assertThat(r.records()).extracting(CloudTrailRecord::eventName).doesNotContain("ListObjects", "GetObject");
    assertThat(r.unlogged()).extracting(s -> s.call()).containsExactly("s3:ListObjects", "s3:GetObject", "s3:GetObject");
  }

  @Test
  void survivesTheS3LayoutRoundTrip(@TempDir Path dir) throws Exception {
    SimulationResult r = run("soc-2024-219-cloudtrail-log-enumeration");
    try (S3LayoutWriter w = new S3LayoutWriter(dir, 1)) {
      w.writeAll(r.records());
    }
    List<CloudTrailRecord> back = new ArrayList<>();
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(List.of(dir), ReadMode.STRICT)) {
      reader.forEach(back::add);
    }
    assertThat(back).hasSize(9);
    assertThat(back.stream().map(x -> x.json().toString()).sorted().toList())
        .isEqualTo(r.records().stream().map(x -> x.json().toString()).sorted().toList());
  }

  @Test
  void seed003UpdateTrailMatchesTheElasticRuleQuery() {
    SimulationResult r = run("cloudtrail-log-delivery-redirected");
    List<CloudTrailRecord> updates = r.records().stream().filter(x -> x.eventName().equals("UpdateTrail")).toList();
    assertThat(updates).singleElement().satisfies(u -> {
      // event.provider:cloudtrail.amazonaws.com and event.action:UpdateTrail and event.outcome:success
      assertThat(u.eventSource()).isEqualTo("cloudtrail.amazonaws.com");
      assertThat(u.errorCode()).isNull();
      assertThat(u.requestParameters().path("s3BucketName").asText()).isEqualTo("exfil-trail-logs-7731");
      assertThat(u.responseElements().path("s3BucketName").asText()).isEqualTo("exfil-trail-logs-7731");
      assertThat(u.readOnly()).contains(false);
    });
    assertThat(r.unlogged()).extracting(s -> s.call()).containsExactly("cloudtrail:GetTrailStatus", "iam:CreateAccessKey");
  }

  @Test
  void seed003BenignTwinIsAnMfaAdminKeepingTheSameBucket() {
    SimulationResult r = run("cloudtrail-update-trail-change-management");
    CloudTrailRecord u = r.records().stream().filter(x -> x.eventName().equals("UpdateTrail")).findFirst().orElseThrow();
    assertThat(u.errorCode()).isNull();
    assertThat(u.requestParameters().path("s3BucketName").asText()).isEqualTo("company-cloudtrail-logs");
    assertThat(u.userIdentity().json().path("sessionContext").path("attributes").path("mfaAuthenticated").asText()).isEqualTo("true");
    assertThat(r.unlogged()).isEmpty();
  }
}

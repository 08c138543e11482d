package io.tripline.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationOptions.BaselineMix;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.StepAccess;
import io.tripline.simulator.access.AccountAuthorizer;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.coverage.CoverageReport;
import io.tripline.simulator.coverage.CoverageRunner;
import io.tripline.simulator.coverage.ScenarioResult;
import io.tripline.simulator.coverage.StepResult;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLibrary;
import io.tripline.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IAM-aware replay of seed 000 (issue 13): against the seed company's export every one of the
 * attacker's calls is allowed, each by a DeveloperAccess statement; against the remediated export
 * (and bucket policy) the log-reading calls become AccessDenied records, and the report says which
 * rules fire on those denied attempts.
 */
class SeedIamReplayTest {
  static final String SEED = "soc-2024-219-cloudtrail-log-enumeration";
  static ApiCatalog catalog;
  static ScenarioLibrary scenarios;
  static RuleLibrary library;

  @BeforeAll
  static void load() throws Exception {
    catalog = ApiCatalog.bundled();
    scenarios = new ScenarioLibrary(new ScenarioLoader(catalog), SeedIamReplayTest.class.getClassLoader());
    Path company = resource("/context/company.yaml");
    library = RuleLibrary.compile(PolicyFiles.bundled(SeedIamReplayTest.class.getClassLoader()).withData(List.of(company)));
  }

  static Path resource(String name) throws Exception {
    return Path.of(SeedIamReplayTest.class.getResource(name).toURI());
  }

  static AccountAuthorizer account(boolean remediated) throws Exception {
    String suffix = remediated ? "-remediated" : "";
    ResourceFileLoader files = new ResourceFileLoader();
    Path export = resource("/accounts/company-123456789012" + suffix + ".authz-details.json");
    AccountAccess access = AccountAccess.of(new ExportFileLoader().load(export), new AccountResources(
        files.trails(resource("/accounts/company-123456789012.trails.json")),
        Map.of("company-cloudtrail-logs", files.bucketPolicy(resource("/accounts/company-cloudtrail-logs" + suffix + ".bucket-policy.json"))),
        List.of()));
    return new AccountAuthorizer(access, export.getFileName().toString());
  }

  static CoverageReport coverage(AccountAuthorizer authorizer) throws Exception {
    Scenario seed = scenarios.scenario(SEED).orElseThrow();
    CoverageRunner.Options o = new CoverageRunner.Options(1, List.of(new BaselineMix(scenarios.baseline("security-auditor").orElseThrow(), 200)),
        DetectionOptions.defaults(), p -> {}).withAuthorizer(authorizer);
    return new CoverageRunner(new Simulator(catalog)).run(List.of(seed), library, o);
  }

  static List<StepResult> steps(CoverageReport r) {
    assertThat(r.scenarios()).hasSize(1);
    return r.scenarios().get(0).steps();
  }

  @Test
  void withTheSeedExportEveryAttackStepIsAllowedAndNamesItsGrantingStatement() throws Exception {
    CoverageReport r = coverage(account(false));
    assertThat(r.iamAware()).isTrue();
    assertThat(r.accessSource()).isEqualTo("company-123456789012.authz-details.json");
    List<StepResult> steps = steps(r);
    assertThat(steps).hasSize(9);
    StepAccess signIn = steps.get(0).access().orElseThrow();
    assertThat(signIn.verdict()).isEqualTo("no-permission-needed");
    for (StepResult st : steps.subList(1, 9)) {
      StepAccess a = st.access().orElseThrow();
      assertThat(a.verdict()).as(st.call()).isEqualTo("allowed");
      assertThat(st.outcome()).isEqualTo("success");
      String sid = st.call().startsWith("s3:") ? "DeveloperAccess 'ReadAllBuckets'" : "DeveloperAccess 'DebugWithCloudTrail'";
      assertThat(a.statementLabels()).as(st.call()).containsExactly(sid);
      assertThat(a.statements()).allSatisfy(s -> assertThat(s.policy()).isEqualTo("arn:aws:iam::123456789012:policy/DeveloperAccess"));
    }
    assertThat(steps.get(6).access().orElseThrow().action()).isEqualTo("s3:ListBucket");
    assertThat(steps.get(6).access().orElseThrow().resource()).isEqualTo("arn:aws:s3:::company-cloudtrail-logs");
    assertThat(steps.get(2).access().orElseThrow().resource()).isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail");
    assertThat(r.accessSummary()).isEqualTo(new CoverageReport.AccessSummary(8, 0, 0, 1, 0, 0, 0));
    assertThat(r.scenarios().get(0).status()).isEqualTo("caught");
    assertThat(r.failedExpectations()).isEmpty();
  }

  @Test
  void withTheRemediatedExportTheLogStepsAreAccessDeniedAndTheReportShowsTheRulesOnThoseAttempts() throws Exception {
    CoverageReport r = coverage(account(true));
    List<StepResult> steps = steps(r);
    assertThat(steps.get(0).access().orElseThrow().verdict()).isEqualTo("no-permission-needed");
    assertThat(steps.get(0).outcome()).isEqualTo("success");
    for (StepResult st : steps.subList(1, 9)) {
      StepAccess a = st.access().orElseThrow();
      assertThat(a.verdict()).as(st.call()).isEqualTo("denied");
      assertThat(a.overridden()).isTrue();
      assertThat(a.explicit()).isTrue();
      assertThat(st.outcome()).as(st.call()).isEqualTo(st.call().startsWith("s3:") ? "AccessDenied" : "AccessDeniedException");
      assertThat(a.statementLabels()).contains("DeveloperAccess 'DenyAllExceptMfaSetupWithoutMFA'");
      assertThat(st.hits()).as("rules on the denied attempt of " + st.call()).isNotEmpty();
    }
    // The trail bucket's own Deny decides the S3 reads (AWS names the resource-based policy).
    assertThat(steps.get(7).access().orElseThrow().deniedBy()).isEqualTo("resource");
    assertThat(steps.get(7).access().orElseThrow().statementLabels()).contains("bucket policy 'DenyLogReadExceptAuditors'");
    assertThat(steps.get(1).access().orElseThrow().deniedBy()).isEqualTo("identity");
    // Which rules fire on the denied attempts: the CloudTrail and trail-bucket log-access rules still see them.
    assertThat(steps.get(1).hits()).extracting(StepResult.Hit::ruleId).contains("TRL-CT-001");
    assertThat(steps.get(7).hits()).extracting(StepResult.Hit::ruleId).contains("TRL-S3-001");
    assertThat(r.accessSummary()).isEqualTo(new CoverageReport.AccessSummary(0, 8, 0, 1, 0, 8, 8));
    // Expectations are judged on what happened: the denied attempts, and they are flagged so.
    assertThat(r.scenarios().get(0).expectations()).filteredOn(e -> e.step() >= 1).allMatch(e -> e.deniedByPolicy());
    assertThat(r.failedExpectations()).isEmpty();
    assertThat(r.breakdown()).anyMatch(b -> b.technique().equals("T1654") && b.outcome().equals("denied") && b.caught() > 0);
  }

  @Test
  void deniedCallsAreWrittenAsTheServiceLogsAccessDenied() throws Exception {
    Scenario seed = scenarios.scenario(SEED).orElseThrow();
    SimulationResult run = new Simulator(catalog).run(seed, SimulationOptions.defaults().withAuthorizer(account(true)));
    List<CloudTrailRecord> attempts = run.records().stream().filter(x -> !"ConsoleLogin".equals(x.eventName())).toList();
    assertThat(attempts).hasSize(8).allSatisfy(x -> assertThat(x.errorCode()).isIn("AccessDenied", "AccessDeniedException"));
    CloudTrailRecord describe = attempts.get(0);
    assertThat(describe.eventName()).isEqualTo("DescribeTrails");
    assertThat(describe.errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:user/dev_user is not authorized to perform: "
        + "cloudtrail:DescribeTrails on resource: arn:aws:cloudtrail:us-east-1:123456789012:trail/* with an explicit deny in an identity-based policy");
    assertThat(attempts.get(7).errorMessage()).isEqualTo("Access Denied");
    assertThat(attempts.get(7).additionalEventData().path("bytesTransferredOut").asLong()).isZero();
    // Deterministic: the same run again gives the same records.
    SimulationResult again = new Simulator(catalog).run(seed, SimulationOptions.defaults().withAuthorizer(account(true)));
    assertThat(again.records()).extracting(CloudTrailRecord::eventID).isEqualTo(run.records().stream().map(CloudTrailRecord::eventID).toList());
    assertThat(again.records()).extracting(CloudTrailRecord::errorMessage).isEqualTo(run.records().stream().map(CloudTrailRecord::errorMessage).toList());
  }
}

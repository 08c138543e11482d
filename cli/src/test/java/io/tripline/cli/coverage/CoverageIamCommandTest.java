package io.tripline.cli.coverage;

import io.tripline.cli.CommandTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.tripline.cli.Terminal;
import io.tripline.simulator.coverage.report.CoverageJson;
import io.tripline.simulator.coverage.report.CoverageJunit;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tripline coverage --iam EXPORT`: the seed scenario against the seed company's export, before and after the remediation. */
class CoverageIamCommandTest extends CommandTest {
  static final Path ACCOUNTS = Path.of("../attack-scenarios/src/main/resources/accounts");
  static final Path EXPORT = ACCOUNTS.resolve("company-123456789012.authz-details.json");
  static final Path REMEDIATED = ACCOUNTS.resolve("company-123456789012-remediated.authz-details.json");
  static final String BUCKET_POLICY = "company-cloudtrail-logs=" + ACCOUNTS.resolve("company-cloudtrail-logs-remediated.bucket-policy.json");

  @TempDir Path dir;
  int seed(String... more) {
    String[] base = {"coverage", "soc-2024-219-cloudtrail-log-enumeration/cli-keys", "--data", CoverageCommandTest.company().toString(),
        "--baseline", "security-auditor:100", "--no-enrich"};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  void theSeedExportAllowsEveryStepAndNamesTheGrantingStatement() {
    int code = seed("--iam", EXPORT.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("IAM-aware replay: steps decided against company-123456789012.authz-details.json")
        .contains("allowed by DeveloperAccess 'DebugWithCloudTrail'", "allowed by DeveloperAccess 'ReadAllBuckets'", "no IAM permission needed")
        .contains("IAM policies       8 step(s) allowed, 0 denied, 1 need no permission");
  }

  @Test
  void theRemediatedExportDeniesTheLogStepsAndEveryReportSaysWhichRulesFiredOnTheAttempts() throws Exception {
    Path report = dir.resolve("out");
    int code = seed("--iam", REMEDIATED.toString(), "--iam-bucket-policy", BUCKET_POLICY, "--format", "json", "--report", report.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    try (InputStream schema = CoverageJson.class.getResourceAsStream(CoverageJson.SCHEMA_RESOURCE)) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
      assertThat(s.validate(json)).isEmpty();
    }
    JsonNode iam = json.path("summary").path("iam");
    assertThat(iam.path("source").asText()).isEqualTo("company-123456789012-remediated.authz-details.json");
    assertThat(iam.path("stepsDenied").asInt()).isEqualTo(8);
    assertThat(iam.path("deniedStepsDetected").asInt()).isEqualTo(8);
    JsonNode steps = json.path("scenarios").get(0).path("steps");
    JsonNode describe = steps.get(1);
    assertThat(describe.path("outcome").asText()).isEqualTo("AccessDeniedException");
    assertThat(describe.path("access").path("verdict").asText()).isEqualTo("denied");
    assertThat(describe.path("access").path("deniedBy").asText()).isEqualTo("identity");
    assertThat(describe.path("access").path("statements").get(0).path("sid").asText()).isEqualTo("DenyAllExceptMfaSetupWithoutMFA");
    assertThat(describe.path("hits").findValuesAsText("rule")).contains("TRL-CT-001");
    JsonNode download = steps.get(7);
    assertThat(download.path("outcome").asText()).isEqualTo("AccessDenied");
    assertThat(download.path("access").path("explanation").asText())
        .isEqualTo("explicit deny (resource-based policy): bucket policy 'DenyLogReadExceptAuditors', DeveloperAccess 'DenyAllExceptMfaSetupWithoutMFA'");
    assertThat(download.path("hits").findValuesAsText("rule")).contains("TRL-S3-001");
    assertThat(json.path("scenarios").get(0).path("expectations").findValues("deniedByPolicy")).isNotEmpty();

    assertThat(report.resolve("coverage.md")).content().contains("IAM-aware replay against `company-123456789012-remediated.authz-details.json`")
        .contains("| denied | explicit deny (identity-based policy): DeveloperAccess 'DenyAllExceptMfaSetupWithoutMFA' | AccessDeniedException |");
    assertThat(report.resolve("coverage.html")).content().contains("pol-denied", "IAM-aware replay");
    SchemaFactory xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    xsd.newSchema(new StreamSource(CoverageJunit.class.getResourceAsStream(CoverageJunit.XSD_RESOURCE)))
        .newValidator().validate(new StreamSource(report.resolve("coverage.junit.xml").toFile()));
    assertThat(report.resolve("coverage.junit.xml")).content().contains("denied by the account&#39;s policies");
  }

  @Test
  void theTerminalViewKeepsTo100Columns() {
    System.setProperty(Terminal.COLUMNS_PROPERTY, "100");
    try {
      int code = seed("--iam", REMEDIATED.toString(), "--iam-bucket-policy", BUCKET_POLICY);
      assertThat(code).as(err.toString()).isZero();
    } finally {
      System.clearProperty(Terminal.COLUMNS_PROPERTY);
    }
    assertThat(out.toString()).contains("IAM-aware replay", "RULES ON THE STEP'S RECORDS", "denied attempts    8 of 8 denied step(s) fired a rule")
        .contains("explicit deny (resource-based policy): bucket policy 'DenyLogReadExceptAuditors',");
    assertThat(out.toString().lines()).allSatisfy(line -> assertThat(Terminal.visible(line)).as(line).isLessThanOrEqualTo(100));
  }

  @Test
  void aBadExportIsALocatedInputError() throws Exception {
    Path missing = dir.resolve("nope.json");
    assertThat(seed("--iam", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tripline coverage: --iam: " + missing + ": no such file").doesNotContain("Exception", "\tat ");

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"UserDetailList\": [\n  {\"UserName\": \"dev_user\",, }\n]}");
    assertThat(seed("--iam", broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(broken + ": not valid JSON at line 2").doesNotContain("\tat ");
    assertThat(err.toString().lines().count()).isEqualTo(1);

    assertThat(seed("--iam", EXPORT.toString(), "--iam-bucket-policy", "no-equals-sign")).isEqualTo(2);
    assertThat(err.toString()).contains("--iam-bucket-policy no-equals-sign: expected BUCKET=FILE");
    assertThat(seed("--iam-bucket-policy", BUCKET_POLICY)).isEqualTo(2);
    assertThat(err.toString()).contains("--iam-bucket-policy needs --iam EXPORT");
  }
}

package io.tripline.cli.coverage;

import io.tripline.cli.CommandTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tripline.cli.SarifSchema;
import io.tripline.simulator.coverage.report.CoverageJson;
import io.tripline.simulator.coverage.report.CoverageJunit;
import io.tripline.simulator.coverage.report.CoverageNavigator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tripline coverage` as CI runs it: the bundled seed scenarios with small baselines, every
 * report written and checked against its schema, and the exit code when a rule is missing or a
 * rule is noisy.
 */
class CoverageCommandTest extends CommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  @Test
  void theSeedScenariosAreCaughtAndEveryReportValidates() throws Exception {
    Path report = dir.resolve("out");
    int code = run("coverage", "soc-2024-219-cloudtrail-log-enumeration", "cloudtrail-log-delivery-redirected",
        "cloudtrail-update-trail-change-management", "--data", company().toString(),
        "--baseline", "developer:400", "--baseline", "security-auditor:200", "--baseline", "administrator:200",
        "--no-enrich", "--report", report.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("soc-2024-219-cloudtrail-log-enumeration/no-data-events", "caught", "quiet", "Summary");

    JsonNode json = JSON.readTree(report.resolve("coverage.json").toFile());
    try (InputStream schema = CoverageJson.class.getResourceAsStream(CoverageJson.SCHEMA_RESOURCE)) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
      Set<ValidationMessage> problems = s.validate(json);
      assertThat(problems).isEmpty();
    }
    assertThat(json.path("summary").path("expectationsFailed").asInt()).isZero();
    assertThat(json.path("scenarios")).hasSize(7);

    SchemaFactory xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    xsd.newSchema(new StreamSource(CoverageJunit.class.getResourceAsStream(CoverageJunit.XSD_RESOURCE)))
        .newValidator().validate(new StreamSource(report.resolve("coverage.junit.xml").toFile()));

    JsonNode sarif = JSON.readTree(report.resolve("coverage.sarif").toFile());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs").get(0).path("tool").path("driver").path("rules").size()).isGreaterThan(30);
    assertThat(SarifSchema.validate(sarif)).isEmpty();

    JsonNode layer = JSON.readTree(report.resolve("attack-navigator-layer.json").toFile());
    assertThat(layer.path("versions").path("layer").asText()).isEqualTo("4.5");
    assertThat(layer.path("domain").asText()).isEqualTo("enterprise-attack");
    assertThat(layer.path("techniques").findValuesAsText("techniqueID")).contains("T1654", "T1685.002");
    try (InputStream schema = CoverageNavigator.class.getResourceAsStream(CoverageNavigator.SCHEMA_RESOURCE)) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
      assertThat(s.validate(layer)).isEmpty();
    }

    String html = Files.readString(report.resolve("coverage.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "http://", "src=\"http");
    for (JsonNode s : json.path("scenarios")) {
      assertThat(html).contains(s.path("id").asText());
    }
    assertThat(report.resolve("incidents/soc-2024-219-cloudtrail-log-enumeration.md")).content()
        .contains("185.143.221.89", "cloudtrail:DescribeTrails", "Containment and remediation");
  }

  @Test
  void withoutTheRulesForAStepTheRunFailsAndNamesTheStep() {
    // Only the S3 rules: nothing catches the StopLogging the scenario expects to fire T1562.008.
    int code = run("coverage", "cloudtrail-stop-logging", "--data", company().toString(), "--rule", "TRL-S3-*",
        "--baseline", "developer:100", "--no-enrich");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("Failed expectations", "cloudtrail-stop-logging", "T1562.008 did not fire");
    assertThat(err.toString()).contains("FAIL", "expectation(s) failed");
  }

  @Test
  void aNoisyRuleTripsTheFalsePositiveThreshold() throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("noisy.rego"), """
        # METADATA
        # title: Any S3 bucket listing
        # description: Fires on every ListBuckets; far too broad.
        # custom:
        #   id: TRL-TEST-001
        #   severity: low
        #   risk_score: 10
        #   mitre: [{id: T1619, version: "18"}]
        #   tags: [test]
        #   outcome: any
        #   kind: record
        #   false_positives: [everything]
        #   references: [none]
        #   investigation: [none]
        #   response: [none]
        package tripline.rules.aws.s3.noisy

        import rego.v1

        alert contains {"message": "bucket listing"} if input.eventName == "ListBuckets"
        """);
    Path report = dir.resolve("noisy-report");
    int code = run("coverage", "cloudtrail-delete-trail", "--policies", rules.toString(), "--baseline", "developer:400",
        "--max-false-positives", "0", "--no-enrich", "--report", report.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("false positives exceed --max-false-positives 0");
    assertThat(out.toString()).contains("TRL-TEST-001");

    // The SARIF of a failing run: the missed steps (the library holds only the noisy rule) and the
    // false positives are results, each pointing at its rule by id and index, and it validates.
    JsonNode sarif = JSON.readTree(report.resolve("coverage.sarif").toFile());
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results.findValuesAsText("ruleId")).contains("TRIPLINE-MISSED", "TRL-TEST-001");
    JsonNode descriptors = sarif.at("/runs/0/tool/driver/rules");
    for (JsonNode r : results) {
      assertThat(r.has("ruleIndex")).as(r.toString()).isTrue();
      assertThat(descriptors.get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(r.path("ruleId").asText());
    }
    assertThat(SarifSchema.validate(sarif)).isEmpty();
  }

  @Test
  void mistakesAreUsageErrors() {
    assertThat(run("coverage", "no-such-scenario")).isEqualTo(2);
    assertThat(err.toString()).contains("no-such-scenario");
    assertThat(run("coverage", "--baseline", "developer:abc")).isEqualTo(2);
    assertThat(err.toString()).contains("developer:abc");
    assertThat(run("coverage", "--fail-under", "120")).isEqualTo(2);
  }

  static Path company() {
    return Path.of("../attack-scenarios/src/main/resources/context/company.yaml");
  }
}

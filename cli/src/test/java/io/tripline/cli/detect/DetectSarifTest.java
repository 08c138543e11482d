package io.tripline.cli.detect;

import io.tripline.cli.CommandTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.cli.SarifSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tripline detect --format sarif` on the simulated seed incident, against the official SARIF 2.1.0 schema. */
class DetectSarifTest extends CommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  JsonNode detectSarif() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(run("simulate", "soc-2024-219-cloudtrail-log-enumeration", "--out", sim.toString())).as(err.toString()).isZero();
    run("detect", "--no-enrich", "--format", "sarif", "--data", "../attack-scenarios/src/main/resources/context/company.yaml",
        sim.toString());
    assertThat(err.toString()).doesNotContain("Exception");
    return JSON.readTree(out.toString());
  }

  @Test
  void detectSarifValidatesAgainstTheSarif210Schema() throws Exception {
    JsonNode sarif = detectSarif();
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results.size()).as("the seed incident raises findings").isGreaterThan(3);
    assertThat(SarifSchema.validate(sarif)).isEmpty();
    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    for (JsonNode r : results) {
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
    }
  }

  @Test
  void theSchemaRejectsABrokenLog() throws Exception {
    JsonNode valid = detectSarif();
    assertThat(SarifSchema.validate(valid)).isEmpty();

    JsonNode sarif = valid.deepCopy();
    ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "critical");
    assertThat(SarifSchema.validate(sarif)).extracting(Object::toString).anyMatch(m -> m.contains("level"));

    sarif = valid.deepCopy();
    ((ObjectNode) sarif.at("/runs/0/results/0")).put("ruleIndex", -2);
    assertThat(SarifSchema.validate(sarif)).extracting(Object::toString).anyMatch(m -> m.contains("ruleIndex"));

    sarif = valid.deepCopy();
    ((ObjectNode) sarif.at("/runs/0/results/0")).putObject("partialFingerprints").put("tripline/v1", 7);
    assertThat(SarifSchema.validate(sarif)).extracting(Object::toString).anyMatch(m -> m.contains("partialFingerprints"));

    sarif = valid.deepCopy();
    ((ObjectNode) sarif.at("/runs/0/results/0")).putArray("locations").add("rules/aws/cloudtrail.rego");
    assertThat(SarifSchema.validate(sarif)).extracting(Object::toString).anyMatch(m -> m.contains("locations"));

    sarif = valid.deepCopy();
    ((ObjectNode) sarif).remove("version");
    assertThat(SarifSchema.validate(sarif)).extracting(Object::toString).anyMatch(m -> m.contains("version"));
  }
}

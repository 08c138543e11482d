package io.tripline.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PolicySources;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.metadata.RuleAnnotations;
import io.tripline.rego.test.PolicyTestRunner;
import io.tripline.rego.test.TestReportText;
import io.tripline.rego.test.TestRun;
import io.tripline.rego.test.TestRunOptions;
import io.tripline.rego.value.ValueJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The IAM checks in {@code src/main/resources/iam}: their Rego tests pass and each follows the rule contract. */
class IamChecksTest {

  static final Path DIR = Path.of("src/main/resources/iam");
  static final Set<String> SEVERITIES = Set.of("informational", "low", "medium", "high", "critical");

  @Test
  void everyRegoTestPasses() throws Exception {
    TestRun run = new PolicyTestRunner(TestRunOptions.DEFAULT.strict(true)).run(PolicySources.load(List.of(DIR)));
    assertThat(run.passed()).as("tests found").isGreaterThan(20);
    assertThat(run.ok()).as(TestReportText.format(run, false)).isTrue();
  }

  @Test
  void everyCheckHasItsMetadataAndATestFileBesideIt() throws Exception {
    PolicySources sources = PolicySources.load(List.of(DIR));
    PreparedPolicy policy = Rego.compile(sources.modules(), sources.data());
    List<RuleAnnotations> findings = policy.annotations().rules().stream()
        .filter(r -> r.name().equals("finding") && String.join(".", r.packagePath()).startsWith("tripline.iam.checks.")).toList();
    assertThat(findings).hasSizeGreaterThanOrEqualTo(8);
    Set<String> ids = new java.util.HashSet<>();
    for (RuleAnnotations r : findings) {
      String name = r.packagePath().get(r.packagePath().size() - 1);
      assertThat(r.title()).as(name + " title").isNotBlank();
      assertThat(r.description()).as(name + " description").isNotBlank();
      String id = ValueJson.toNode(r.custom("id").orElseThrow()).asText();
      assertThat(id).as(name + " id").matches("TRL-IAM-\\d{3}");
      assertThat(ids.add(id)).as(name + " id unique").isTrue();
      assertThat(SEVERITIES).as(name + " severity").contains(ValueJson.toNode(r.custom("severity").orElseThrow()).asText());
      assertThat(ValueJson.toNode(r.custom("risk_score").orElseThrow()).asInt()).as(name + " risk_score").isBetween(0, 100);
      ValueJson.toNode(r.custom("mitre").orElseThrow()).forEach(m -> {
        assertThat(m.path("id").asText()).as(name + " mitre id").matches("T\\d{4}(\\.\\d{3})?");
        assertThat(m.path("version").asText()).as(name + " mitre version").isNotBlank();
      });
      for (String key : List.of("tags", "false_positives", "references", "investigation", "response")) {
        assertThat(r.custom(key)).as(name + " " + key).isPresent();
      }
      assertThat(Files.exists(DIR.resolve(name + "_test.rego"))).as(name + "_test.rego beside " + name + ".rego").isTrue();
    }
    try (Stream<Path> files = Files.list(DIR)) {
      long checks = files.filter(f -> f.toString().endsWith(".rego") && !f.toString().endsWith("_test.rego")).count();
      assertThat(findings).as("one check per file").hasSize((int) checks);
    }
  }
}

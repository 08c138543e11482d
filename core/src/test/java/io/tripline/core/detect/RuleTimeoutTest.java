package io.tripline.core.detect;

import static io.tripline.core.detect.TestRecords.call;
import static io.tripline.core.detect.TestRecords.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: one pathological rule cannot stall a run; the problem names the rule and the record. */
class RuleTimeoutTest {

  @Test
  void aRuleOverItsBudgetIsReportedAndTheOthersStillFire(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(RuleTimeoutTest.class.getResource("rules/rules.rego").toURI()), dir.resolve("rules.rego"));
    Files.writeString(dir.resolve("slow.rego"), """
        # METADATA
        # title: Slow rule
        # description: A rule whose body never finishes in time.
        # custom:
        #   id: T-SLOW-1
        #   severity: low
        #   risk_score: 10
        #   mitre: [{id: T1562.008, version: "18"}]
        #   tags: [test]
        #   outcome: any
        #   kind: record
        #   false_positives: []
        #   references: []
        #   investigation: []
        #   response: []
        package tripline.rules.test.slow

        import rego.v1

        xs := numbers.range(1, 100000)

        alert contains {"message": "never"} if {
        	input.eventName == "StopLogging"
        	some a in xs
        	some b in xs
        	a + b < 0
        }
        """);
    RuleLibrary library = RuleLibrary.compile(PolicyFiles.fromPaths(List.of(dir)));
    List<Finding> out = new ArrayList<>();
    DetectionOptions options = DetectionOptions.defaults().threads(1)
        .evalOptions(EvalOptions.DEFAULT.ruleTimeout(Duration.ofMillis(100)));
    DetectionSummary summary = DetectionEngine.embedded(library, options).run(List.of(
        call("e1", Instant.parse("2024-03-14T21:00:00Z"), "admin", "198.51.100.23", "cloudtrail.amazonaws.com",
            "StopLogging", null, params("name", "company-trail"))).iterator(), out::add);
    assertThat(out).extracting(f -> f.rule().id()).containsExactly("T-REC-1");
    assertThat(summary.errors()).isEqualTo(1);
    assertThat(summary.errorMessages().get(0))
        .startsWith("record #1 (eventID e1): rule T-SLOW-1 timed out (")
        .contains("slow.rego:")
        .contains("eval_cancel_error: context deadline exceeded (rule timeout 100ms)");
  }
}

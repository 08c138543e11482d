package io.tripline.rego.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tripline.rego.PolicySources;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTestRunnerTest {

  static Path library() throws URISyntaxException {
    return Path.of(PolicyTestRunnerTest.class.getResource("/policy-tests/library").toURI());
  }

  private static TestRun run(TestRunOptions options) throws Exception {
    return new PolicyTestRunner(options).run(PolicySources.load(List.of(library())));
  }

  @Test
  void reportsPassFailErrorAndSkippedWithLocations() throws Exception {
    TestRun run = run(TestRunOptions.DEFAULT);
    assertThat(run.results()).extracting(TestResult::fullName, TestResult::outcome).containsExactly(
        tuple("data.tripline.rules.trail_updated_test.test_alert_on_update_trail", TestOutcome.PASS),
        tuple("data.tripline.rules.trail_updated_test.test_quiet_for_admins", TestOutcome.PASS),
        tuple("data.tripline.rules.trail_updated_test.test_severity_from_metadata", TestOutcome.PASS),
        tuple("data.tripline.rules.trail_updated_test.test_expects_the_wrong_message", TestOutcome.FAIL),
        tuple("data.tripline.rules.trail_updated_test.test_conflicting_values", TestOutcome.ERROR),
        tuple("data.tripline.rules.trail_updated_test.todo_test_stop_logging", TestOutcome.SKIPPED));
    TestResult failed = run.results().get(3);
    assertThat(failed.location().file()).endsWith("trail_updated_test.rego");
    assertThat(failed.location().line()).isEqualTo(25);
    assertThat(failed.output()).containsExactly("got trail org-trail updated by arn:aws:iam::111122223333:user/dev");
    assertThat(run.results().get(4).error()).contains("eval_conflict_error");
    assertThat(run.passed()).isEqualTo(3);
    assertThat(run.failed()).isEqualTo(2);
    assertThat(run.ok()).isFalse();
  }

  @Test
  void textEndsWithOpaSummaryAndTheCountsLine() throws Exception {
    String text = TestReportText.format(run(TestRunOptions.DEFAULT), false);
    assertThat(text).doesNotContain("test_alert_on_update_trail")
        .contains("data.tripline.rules.trail_updated_test.test_expects_the_wrong_message: FAIL (")
        .contains("\n  got trail org-trail updated by arn:aws:iam::111122223333:user/dev\n")
        .contains("data.tripline.rules.trail_updated_test.test_conflicting_values: ERROR (")
        .contains("data.tripline.rules.trail_updated_test.todo_test_stop_logging: SKIPPED\n")
        .contains("PASS: 3/6\nFAIL: 1/6\nSKIPPED: 1/6\nERROR: 1/6\n")
        .endsWith("\n3 passed, 2 failed\n");
    assertThat(TestReportText.format(run(TestRunOptions.DEFAULT), true))
        .contains("trail_updated_test.rego:12:\ndata.tripline.rules.trail_updated_test.test_alert_on_update_trail: PASS (");
  }

  @Test
  void runSelectsTestsByRegexOnTheFullName() throws Exception {
    TestRun run = run(TestRunOptions.DEFAULT.run("trail_updated_test\\.test_(alert|quiet)"));
    assertThat(run.results()).extracting(TestResult::name)
        .containsExactly("test_alert_on_update_trail", "test_quiet_for_admins");
    assertThat(run.ok()).isTrue();
    assertThat(TestReportText.format(run, false)).isEqualTo("PASS: 2/2\n2 passed, 0 failed\n");
  }

  @Test
  void strictBuiltinErrorsTurnIntoTestErrors() {
    Map<String, String> modules = new LinkedHashMap<>();
    modules.put("strict_test.rego", """
        package strict_test

        test_bad_number if {
        	to_number("x") == 1
        }
        """);
    PolicySources sources = new PolicySources(modules, null);
    assertThat(new PolicyTestRunner(TestRunOptions.DEFAULT).run(sources).results().get(0).outcome())
        .isEqualTo(TestOutcome.FAIL);
    TestResult strict = new PolicyTestRunner(TestRunOptions.DEFAULT.strict(true)).run(sources).results().get(0);
    assertThat(strict.outcome()).isEqualTo(TestOutcome.ERROR);
    assertThat(strict.error()).startsWith("strict_test.rego:4: eval_builtin_error: to_number:");
  }

  @Test
  void coverageCountsEvaluatedLinesPerFile() {
    Map<String, String> modules = new LinkedHashMap<>();
    modules.put("small.rego", """
        package small

        allow if {
        	input.user == "alice"
        	input.action == "read"
        }

        deny if {
        	input.user == "mallory"
        }
        """);
    modules.put("small_test.rego", """
        package small_test

        import data.small

        test_alice_reads if {
        	small.allow with input as {"user": "alice", "action": "read"}
        }
        """);
    TestRun run = new PolicyTestRunner(TestRunOptions.DEFAULT.coverage(true)).run(new PolicySources(modules, null));
    assertThat(run.ok()).isTrue();
    CoverageReport.FileCoverage small = run.coverage().files().get("small.rego");
    assertThat(small.covered()).containsExactly(new LineRange(3, 5));
    assertThat(small.notCovered()).containsExactly(new LineRange(8, 9));
    assertThat(small.coveredLines()).isEqualTo(3);
    assertThat(small.notCoveredLines()).isEqualTo(2);
    assertThat(small.coverage()).isEqualTo(60.0);
    CoverageReport.FileCoverage test = run.coverage().files().get("small_test.rego");
    assertThat(test.covered()).containsExactly(new LineRange(5, 6));
    assertThat(run.coverage().coveredLines()).isEqualTo(5);
    assertThat(run.coverage().notCoveredLines()).isEqualTo(2);
    String json = run.coverage().toJson();
    assertThat(json).startsWith(String.join("\n",
        "{",
        "  \"files\": {",
        "    \"small.rego\": {",
        "      \"covered\": [",
        "        {",
        "          \"start\": {",
        "            \"row\": 3",
        "          },",
        "          \"end\": {",
        "            \"row\": 5",
        "          }",
        "        }",
        "      ],"));
    assertThat(json).contains("\"covered_lines\": 3,\n      \"not_covered_lines\": 2,\n      \"coverage\": 60\n    },")
        .endsWith("\"covered_lines\": 5,\n  \"not_covered_lines\": 2,\n  \"coverage\": 71.42857142857143\n}");
  }

  @Test
  void aDefaultRuleIsCoveredWhenItsValueIsUsed() {
    Map<String, String> modules = new LinkedHashMap<>();
    modules.put("d.rego", """
        package d

        default allow := false

        allow if input.admin
        """);
    modules.put("d_test.rego", """
        package d_test

        test_denied_by_default if {
        	not data.d.allow with input as {}
        }
        """);
    TestRun run = new PolicyTestRunner(TestRunOptions.DEFAULT.coverage(true)).run(new PolicySources(modules, null));
    assertThat(run.ok()).isTrue();
    assertThat(run.coverage().files().get("d.rego").covered()).containsExactly(new LineRange(3, 3), new LineRange(5, 5));
    assertThat(run.coverage().files().get("d.rego").notCovered()).isEmpty();
  }
}

package io.tripline.rego.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PolicySources;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.value.ObjectValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code test_x[name] if { ... }}: a partial-object test whose keys are sub-tests (OPA 1.x). */
class ParameterizedTestsTest {

  private static TestRun run(String source, RegoVersion version) {
    PolicySources sources = new PolicySources(Map.of("cases_test.rego", source), ObjectValue.EMPTY,
        Map.of("cases_test.rego", version));
    return new PolicyTestRunner(TestRunOptions.DEFAULT).run(sources);
  }

  @Test
  void everyKeyIsASubTestAndTheTestPassesWhenAllHold() {
    TestRun run = run("""
        package calc_test

        double(x) := x * 2

        cases := {"one": {"in": 1, "want": 2}, "three": {"in": 3, "want": 6}}

        test_double[note] if {
        	some note, tc in cases
        	double(tc["in"]) == tc.want
        }
        """, RegoVersion.V1);
    assertThat(run.results()).hasSize(1);
    TestResult r = run.results().get(0);
    assertThat(r.outcome()).isEqualTo(TestOutcome.PASS);
    assertThat(r.subTests()).containsExactly(new TestResult.SubTest("one", true), new TestResult.SubTest("three", true));
    assertThat(TestReportText.format(run, true)).contains("data.calc_test.test_double: PASS").contains("  one: PASS\n");
  }

  @Test
  void aKeyWhoseBodyFailsIsAFailedSubTest() {
    TestRun run = run("""
        package calc_test

        cases := {"ok": [1, 1], "broken": [1, 2]}

        test_equal[note] if {
        	some note, pair in cases
        	pair[0] == pair[1]
        }
        """, RegoVersion.V1);
    TestResult r = run.results().get(0);
    assertThat(r.outcome()).isEqualTo(TestOutcome.FAIL);
    assertThat(r.subTests()).containsExactly(new TestResult.SubTest("broken", false), new TestResult.SubTest("ok", true));
    assertThat(TestReportText.format(run, false)).contains("  broken: FAIL\n");
  }

  @Test
  void v0PartialObjectTestsWorkToo() {
    TestRun run = run("""
        package calc_test

        test_upper[s] = true {
          s := ["a", "b"][_]
          upper(s) != s
        }
        """, RegoVersion.V0);
    assertThat(run.results().get(0).outcome()).isEqualTo(TestOutcome.PASS);
    assertThat(run.results().get(0).subTests()).hasSize(2);
  }
}

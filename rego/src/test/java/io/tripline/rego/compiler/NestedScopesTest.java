package io.tripline.rego.compiler;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/** A variable local to a comprehension or {@code every} body neither leaks into nor is captured from its siblings. */
class NestedScopesTest {

  @Test
  void siblingComprehensionsReuseANameIndependently() {
    PreparedPolicy p = policy("""
        package t

        p := [a, b] if {
          a := [x | some x in [1]]
          b := [x | x := [2][_]]
        }

        labels := [provided, required] if {
          provided := {l | input.have[l]}
          required := {l | l := input.want[_]}
        }
        """);
    assertThat(value(p, "data.t.p")).isEqualTo("[[1],[2]]");
    assertThat(value(p, "data.t.labels", "{\"have\": {\"a\": 1}, \"want\": [\"b\"]}")).isEqualTo("[[\"a\"],[\"b\"]]");
  }

  @Test
  void everyBodyAndLaterComprehensionReuseAName() {
    PreparedPolicy p = policy("""
        package t

        p := c if {
          every x in [1, 2] { y := x; y > 0 }
          c := [y | y := 3]
        }
        """);
    assertThat(value(p, "data.t.p")).isEqualTo("[3]");
  }

  @Test
  void aNameDeclaredLaterIsNotCapturedByAnEarlierComprehension() {
    PreparedPolicy p = policy("""
        package t

        p := [xs, v] if {
          xs := [v | v = [1, 2][_]]
          some v in xs
          v > 1
        }
        """);
    assertThat(value(p, "data.t.p")).isEqualTo("[[1,2],2]");
  }

  @Test
  void everyBodyReadsRulesNotVariables() {
    PreparedPolicy p = policy("""
        package t

        xs := [1, 2]

        p if {
          x := xs[_]
          every y in [1] { xs != 5; y == 1 }
          x == 1
        }
        """);
    assertThat(value(p, "data.t.p")).isEqualTo("true");
  }

  @Test
  void closuresStillSeeOuterBindingsInAnyOrder() {
    PreparedPolicy p = policy("""
        package t

        p := ys if {
          ys := [y | some y in input.xs; y > n]
          n = input.n
        }
        """);
    assertThat(value(p, "data.t.p", "{\"xs\": [1, 2, 3], \"n\": 1}")).isEqualTo("[2,3]");
    assertThat(error(() -> policy("package t\n\np if {\n  c := [z | z := w]\n}\n"))).contains("var w is unsafe");
  }
}

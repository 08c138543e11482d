package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: OPA words a conflict by the path that found it. A complete rule queried directly
 * "produced conflicting values"; read from another rule or a function it is "complete rules must
 * not produce multiple outputs"; one function definition giving two values "produced conflicting
 * values for the same inputs"; two definitions disagreeing "must not produce multiple outputs for
 * same inputs"; a partial object "object keys must be unique".
 */
class ConflictWordingTest {

  @Test
  void completeRuleQueriedDirectly() {
    PreparedPolicy p = policy("package c\n\nv := x if some x in [1, 2]\n");
    assertThat(error(() -> p.evaluate("data.c.v", null)))
        .isEqualTo("m0.rego:3: eval_conflict_error: rule data.c.v produced conflicting values");
  }

  @Test
  void completeRulesWithElseQueriedDirectly() {
    PreparedPolicy p = policy("package c\n\nw := 1 if false\nelse := 2\n\nw := 3 if false\nelse := 4\n");
    assertThat(error(() -> p.evaluate("x := data.c.w", null)))
        .endsWith("eval_conflict_error: rule data.c.w produced conflicting values");
  }

  @Test
  void completeRuleReadByAnotherRuleWithAndWithoutElse() {
    PreparedPolicy p = policy("package c\n\nq := 1\nq := 2\n\nr := 1 if false\nelse := 2\nr := 3\n\n"
        + "p if q\n\ns if r\n");
    assertThat(error(() -> p.evaluate("data.c.p", null)))
        .endsWith("eval_conflict_error: complete rules must not produce multiple outputs");
    assertThat(error(() -> p.evaluate("data.c.s", null)))
        .endsWith("eval_conflict_error: complete rules must not produce multiple outputs");
  }

  @Test
  void completeRuleReadByAFunctionCalledFromTheQuery() {
    PreparedPolicy p = policy("package c\n\nq := 1\nq := 2\n\nf(_) := y if y := q\n");
    assertThat(error(() -> p.evaluate("x := data.c.f(1)", null)))
        .isEqualTo("m0.rego:4: eval_conflict_error: complete rules must not produce multiple outputs");
  }

  @Test
  void functionsOneDefinitionTwoValues() {
    PreparedPolicy p = policy("package c\n\nf(x) := y if y := [x, x + 1][_]\n\np if f(1)\n");
    assertThat(error(() -> p.evaluate("data.c.p", null)))
        .endsWith("eval_conflict_error: function data.c.f produced conflicting values for the same inputs");
  }

  @Test
  void functionsTwoDefinitionsWithAndWithoutElse() {
    PreparedPolicy p = policy("package c\n\nf(_) := 1\nf(_) := 2\n\ng(_) := 1 if false\nelse := 2\n"
        + "g(_) := 3 if false\nelse := 4\n");
    assertThat(error(() -> p.evaluate("x := data.c.f(0)", null)))
        .endsWith("eval_conflict_error: functions must not produce multiple outputs for same inputs");
    assertThat(error(() -> p.evaluate("x := data.c.g(0)", null)))
        .endsWith("eval_conflict_error: functions must not produce multiple outputs for same inputs");
  }

  @Test
  void functionsWithEarlyExitDoNotConflictOnEqualValues() {
    PreparedPolicy p = policy("package c\n\nf(x) if { some y in [1, 2, 3]; y > x }\nf(x) if x == 0\n");
    assertThat(value(p, "data.c.f(0)")).isEqualTo("true");
  }

  @Test
  void partialObjects() {
    PreparedPolicy p = policy("package c\n\no[k] := v if some k, v in {\"a\": 1}\no[\"a\"] := 2\n");
    assertThat(error(() -> p.evaluate("x := data.c.o", null)))
        .endsWith("eval_conflict_error: object keys must be unique");
  }
}

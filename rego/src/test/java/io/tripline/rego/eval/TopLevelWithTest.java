package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.bindings;
import static io.tripline.rego.RegoFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import org.junit.jupiter.api.Test;

/** Issue 14: a with value that iterates evaluates the expression once per value, at the query's top level too. */
class TopLevelWithTest {
  private final PreparedPolicy p = policy("package w\n\nq := input.v\n\nf(x) := x + 1\n");

  @Test
  void iteratingWithValueInAQuery() {
    assertThat(bindings(p, "x := data.w.q with input.v as [1, 2, 3][_]", null))
        .isEqualTo("[{\"x\":1},{\"x\":2},{\"x\":3}]");
    assertThat(bindings(p, "xs := [1, 2]; x := data.w.q with input.v as xs[_]", null))
        .isEqualTo("[{\"x\":1,\"xs\":[1,2]},{\"x\":2,\"xs\":[1,2]}]");
  }

  @Test
  void oneExpressionPerWrittenExpression() {
    QueryResult r = p.evaluate("data.w.q with input.v as [7, 8][_]", null);
    assertThat(r.results()).hasSize(2);
    assertThat(r.results().get(0).expressions()).hasSize(1);
    assertThat(r.results().get(1).expressions().get(0).value()).hasToString("8");
    assertThat(r.results().get(0).expressions().get(0).text()).isEqualTo("data.w.q with input.v as [7, 8][_]");
  }

  @Test
  void negatedCallWithUndefinedArgumentInAQuery() {
    assertThat(p.evaluate("not startswith(input.missing, \"a\")", null).isUndefined()).isTrue();
    assertThat(p.evaluate("not input.missing", null).isUndefined()).isFalse();
  }
}

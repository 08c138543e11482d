package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/**
 * A user function's result is reused for the same arguments within one scope, and never across
 * scopes or for other arguments: what `with` replaces, and equal-looking objects built apart, get
 * their own evaluation.
 */
class FunctionResultsTest {

  @Test
  void sameArgumentsSameScopeOtherwiseEvaluatedAgain() {
    PreparedPolicy p = policy("""
        package t

        f(x) := x.a

        g(x) := y if y := x.a + 1

        p := [f(input), f(input), f({"a": 2}), f({"a": 2}), g(input)]

        q := r if r := f(input) with input as {"a": 3}

        s := [f(input), v] if v := f(input) with input as {"a": 4}
        """);
    assertThat(value(p, "data.t.p", "{\"a\":1}")).isEqualTo("[1,1,2,2,2]");
    assertThat(value(p, "data.t.q", "{\"a\":1}")).isEqualTo("3");
    assertThat(value(p, "data.t.s", "{\"a\":1}")).isEqualTo("[1,4]");
  }

  @Test
  void undefinedResultsAreRememberedAsUndefined() {
    PreparedPolicy p = policy("""
        package t

        f(x) := x.missing

        p if {
          not f(input)
          not f(input)
        }
        """);
    // f(input) is undefined both times (its argument is defined), so both negations hold.
    assertThat(value(p, "data.t.p", "{\"a\":1}")).isEqualTo("true");
  }
}

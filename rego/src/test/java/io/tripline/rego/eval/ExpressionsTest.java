package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.bindings;
import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.value.ValueJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unification, iteration, negation, some/every, comprehensions, functions, with, operators. */
class ExpressionsTest {
  private final PreparedPolicy empty = policy("package empty\n");

  @Test
  void undefinedIsNotFalse() {
    PreparedPolicy p = policy("package t\n\nf := false\n");
    assertThat(bindings(p, "data.t.f", null)).isEqualTo("[]");
    assertThat(bindings(p, "data.t.f == false", null)).isEqualTo("[{}]");
    assertThat(bindings(p, "not data.t.missing", null)).isEqualTo("[{}]");
    assertThat(bindings(p, "not data.t.f", null)).isEqualTo("[{}]");
  }

  @Test
  void unificationDestructures() {
    assertThat(bindings(empty, "[x, 2] = [1, y]", null)).isEqualTo("[{\"x\":1,\"y\":2}]");
    assertThat(bindings(empty, "{\"a\": x} = {\"a\": [1]}", null)).isEqualTo("[{\"x\":[1]}]");
    assertThat(bindings(empty, "[x, x] = [1, 2]", null)).isEqualTo("[]");
  }

  @Test
  void refsWithVariablesIterate() {
    String in = "{\"m\":{\"a\":[1,2],\"b\":[3]}}";
    assertThat(bindings(empty, "input.m[k][i] > 1", in))
        .isEqualTo("[{\"i\":1,\"k\":\"a\"},{\"i\":0,\"k\":\"b\"}]");
    assertThat(bindings(empty, "some k, v in input.m; count(v) == 1", in)).isEqualTo("[{\"k\":\"b\",\"v\":[3]}]");
  }

  @Test
  void everyAndMembership() {
    assertThat(bindings(empty, "every x in [1, 2] { x > 0 }", null)).isEqualTo("[{}]");
    assertThat(bindings(empty, "every x in [1, -2] { x > 0 }", null)).isEqualTo("[]");
    assertThat(value(empty, "2 in {1, 2}")).isEqualTo("true");
    assertThat(value(empty, "3 in [1, 2]")).isEqualTo("false");
    assertThat(value(empty, "(\"k\", 1 in {\"k\": 1})")).isEqualTo("true");
  }

  @Test
  void comprehensions() {
    String in = "{\"xs\":[3,1,2,3]}";
    assertThat(value(empty, "[x | some x in input.xs; x > 1]", in)).isEqualTo("[3,2,3]");
    assertThat(value(empty, "{x | some x in input.xs}", in)).isEqualTo("[1,2,3]");
    assertThat(value(empty, "{k: v | some k, v in input.xs; v > 2}", in)).isEqualTo("{\"0\":3,\"3\":3}");
  }

  @Test
  void arithmeticAndSetOperatorsFollowOpa() {
    assertThat(value(empty, "7 / 2")).isEqualTo("3.5");
    assertThat(value(empty, "6 / 3")).isEqualTo("2");
    assertThat(value(empty, "-7 % 3")).isEqualTo("-1");
    assertThat(value(empty, "1 == 1.0")).isEqualTo("true");
    assertThat(value(empty, "{1, 2} | {3}")).isEqualTo("[1,2,3]");
    assertThat(value(empty, "{1, 2} & {2}")).isEqualTo("[2]");
    assertThat(value(empty, "{1, 2} - {2}")).isEqualTo("[1]");
    assertThat(value(empty, "1 / 0")).isEqualTo("undefined");
    assertThat(error(() -> empty.evaluate("x := 1 / 0", null, new EvalOptions(true, null))))
        .isEqualTo("1:6: eval_builtin_error: div: divide by zero");
  }

  @Test
  void functionsWithElseAndOutputArguments() {
    PreparedPolicy p = policy("""
        package t

        grade(n) := "high" if n > 10
        else := "low"

        double(x) := x * 2
        """);
    assertThat(value(p, "data.t.grade(11)")).isEqualTo("\"high\"");
    assertThat(value(p, "data.t.grade(1)")).isEqualTo("\"low\"");
    assertThat(bindings(p, "data.t.double(4, y)", null)).isEqualTo("[{\"y\":8}]");
    assertThat(bindings(empty, "count([1, 2], n)", null)).isEqualTo("[{\"n\":2}]");
  }

  @Test
  void withReplacesInputDataAndFunctions() {
    PreparedPolicy p = policy("""
        package t

        allow if input.user == "alice"
        limit := data.config.max
        big if count(input.xs) > 2
        f(x) := x
        uses_f := f(1)
        """);
    assertThat(value(p, "data.t.allow with input as {\"user\": \"alice\"}")).isEqualTo("true");
    assertThat(value(p, "data.t.allow with input.user as \"alice\"")).isEqualTo("true");
    assertThat(value(p, "data.t.limit with data.config.max as 3")).isEqualTo("3");
    assertThat(value(p, "data.t.big with input.xs as [1] with count as 10")).isEqualTo("true");
    assertThat(value(p, "data.t.uses_f with data.t.f as 5")).isEqualTo("5");
    // outside the with, the original input is back
    assertThat(bindings(p, "data.t.allow with input as {\"user\": \"alice\"}; not data.t.allow", "{}")).isEqualTo("[{}]");
  }

  @Test
  void printGoesToTheHook() {
    List<String> lines = new ArrayList<>();
    PreparedPolicy p = policy("package t\n\np if { print(\"n =\", input.n, input.missing, {1}) }\n");
    p.evaluate("data.t.p", ValueJson.parseJson("{\"n\": 2}"), new EvalOptions(false, lines::add));
    assertThat(lines).containsExactly("n = 2 <undefined> {1}");
  }

  @Test
  void queryResultsCarryExpressionsAndBindings() {
    var r = empty.evaluate("x := 1; x > 0", null);
    assertThat(r.results()).hasSize(1);
    assertThat(r.results().get(0).expressions()).extracting(e -> e.text()).containsExactly("x := 1", "x > 0");
    assertThat(ValueJson.writePretty(r.toJson())).contains("\"bindings\"");
  }
}

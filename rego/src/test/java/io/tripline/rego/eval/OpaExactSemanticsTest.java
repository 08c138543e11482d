package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/** Places where OPA's compiler rewrites decide the result, written from OPA's documented behaviour. */
class OpaExactSemanticsTest {

  @Test
  void negatedCallWithAnUndefinedArgumentIsUndefined() {
    PreparedPolicy p = policy("""
        package t

        f(x) := x == "a"
        s := {"a"}

        by_function if not f(input.missing)
        by_builtin if not startswith(input.missing, "a")
        by_set_lookup if not s[input.missing]
        by_comparison if not input.missing == "a"
        by_nested_call if not count(input.missing) > 0
        plain_ref if not input.missing
        defined_argument if not startswith(input.name, "a")
        some_differs if not input.xs[_] == "a"
        none_is if not "a" in input.xs
        """);
    assertThat(value(p, "data.t.some_differs", "{\"xs\": [\"a\", \"b\"]}")).isEqualTo("true");
    assertThat(value(p, "data.t.none_is", "{\"xs\": [\"a\", \"b\"]}")).isEqualTo("undefined");
    String in = "{\"name\": \"bob\"}";
    assertThat(value(p, "data.t.by_function", in)).isEqualTo("undefined");
    assertThat(value(p, "data.t.by_builtin", in)).isEqualTo("undefined");
    assertThat(value(p, "data.t.by_set_lookup", in)).isEqualTo("undefined");
    assertThat(value(p, "data.t.by_comparison", in)).isEqualTo("undefined");
    assertThat(value(p, "data.t.by_nested_call", in)).isEqualTo("undefined");
    assertThat(value(p, "data.t.plain_ref", in)).isEqualTo("true");
    assertThat(value(p, "data.t.defined_argument", in)).isEqualTo("true");
  }

  @Test
  void negationInsideComprehensionsAndWithModifiers() {
    PreparedPolicy p = policy("""
        package t

        kept := [x | some x in input.xs; not startswith(x.name, "a")]
        mocked if not startswith(input.name, "a") with input.name as "bob"
        """);
    assertThat(value(p, "data.t.kept", "{\"xs\": [{\"name\": \"ab\"}, {\"name\": \"b\"}, {}]}"))
        .isEqualTo("[{\"name\":\"b\"}]");
    assertThat(value(p, "data.t.mocked", "{}")).isEqualTo("true");
  }

  @Test
  void zeroArgumentHeadIsAPlainRule() {
    PreparedPolicy p = policy("""
        package t

        f() := {"a": 1}
        g if f.a == 1
        """);
    assertThat(value(p, "data.t.g")).isEqualTo("true");
    assertThat(value(p, "data.t.f")).isEqualTo("{\"a\":1}");
  }

  @Test
  void withValueThatIteratesEvaluatesOncePerValue() {
    PreparedPolicy p = policy("""
        package t

        q := input.v
        each := [x | x := q with input.v as [1, 2, 3][_]]
        mocked_count(_) := 7
        mock if count([1]) == 7 with count as mocked_count
        builtin_mock := x if x := upper("a") with upper as strings.reverse
        """);
    assertThat(value(p, "data.t.builtin_mock")).isEqualTo("\"a\"");
    assertThat(value(p, "data.t.each")).isEqualTo("[1,2,3]");
    assertThat(value(p, "data.t.mock")).isEqualTo("true");
  }

  @Test
  void compositesWithVariablesOnBothSidesUnify() {
    PreparedPolicy p = policy("""
        package t

        chain := a if [a, b] = [b, 3]
        longer := [a, b, c] if [a, b, c] = [b, c, 4]
        contradiction if [a, 1] = [2, a]
        objects := [x, y] if {"a": x, "b": 2} = {"a": 1, "b": y}
        nested := [x, y] if [[x], {"k": y}] = [[y], {"k": 5}]
        shapes if [x] = {"a": x}
        """);
    assertThat(value(p, "data.t.chain")).isEqualTo("3");
    assertThat(value(p, "data.t.longer")).isEqualTo("[4,4,4]");
    assertThat(value(p, "data.t.contradiction")).isEqualTo("undefined");
    assertThat(value(p, "data.t.objects")).isEqualTo("[1,2]");
    assertThat(value(p, "data.t.nested")).isEqualTo("[5,5]");
  }

  @Test
  void dataReferencesWithNumberKeysReadTheStoredStringKeys() {
    PreparedPolicy p = io.tripline.rego.RegoFixture.policyWithData(
        "{\"1\": {\"2\": \"nested\"}, \"codes\": {\"404\": \"not found\", \"list\": [\"a\", \"b\"]}}", """
        package t

        top := data[1][2]
        code := data.codes[404]
        by_var := data.codes[n] if n := 404
        index := data.codes.list[1]
        virtual := {"404": "x"}
        not_in_rules if not virtual[404]
        """);
    assertThat(value(p, "data.t.top")).isEqualTo("\"nested\"");
    assertThat(value(p, "data.t.code")).isEqualTo("\"not found\"");
    assertThat(value(p, "data.t.by_var")).isEqualTo("\"not found\"");
    assertThat(value(p, "data.t.index")).isEqualTo("\"b\"");
    assertThat(value(p, "data.t.not_in_rules")).isEqualTo("true");
    assertThat(value(p, "input.codes[404]", "{\"codes\": {\"404\": 1}}")).isEqualTo("undefined");
  }

  @Test
  void stackedWithOnDataPathsApplyInOrder() {
    PreparedPolicy p = policy("""
        package t

        p := 1
        """, """
        package x

        whole := data.t
        """);
    assertThat(value(p, "data.x.whole with data.t.p as 7")).isEqualTo("{\"p\":7}");
    assertThat(value(p, "data.x.whole with data.t.p as {\"a\": 1} with data.t.p.b as 2"))
        .isEqualTo("{\"p\":{\"a\":1,\"b\":2}}");
    assertThat(value(p, "data.x.whole with data.t.p.b as 2 with data.t.p as {\"a\": 1}"))
        .isEqualTo("{\"p\":{\"a\":1}}");
    assertThat(value(p, "data.x.whole with data.t.s.a as 1 with data.t.s.b as 2"))
        .isEqualTo("{\"p\":1,\"s\":{\"a\":1,\"b\":2}}");
  }
}

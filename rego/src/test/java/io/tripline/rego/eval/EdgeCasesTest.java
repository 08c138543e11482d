package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.bindings;
import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/** Behaviour users trip over: defaults, function conflicts, strict errors, shadowing, v0 modules. */
class EdgeCasesTest {

  @Test
  void defaultFunctionsAndDefaultsOnlyWhenNothingElseHolds() {
    PreparedPolicy p = policy("""
        package t

        default allowed(_) := false
        allowed(u) if u == "alice"

        default level := 1
        level := 5 if input.high
        """);
    assertThat(value(p, "data.t.allowed(\"alice\")")).isEqualTo("true");
    assertThat(value(p, "data.t.allowed(\"bob\")")).isEqualTo("false");
    assertThat(value(p, "data.t.level", "{\"high\": true}")).isEqualTo("5");
    assertThat(value(p, "data.t.level", "{}")).isEqualTo("1");
  }

  @Test
  void functionOutputConflicts() {
    PreparedPolicy p = policy("package t\n\nf(_) := 1\nf(_) := 2\n");
    assertThat(error(() -> p.evaluate("x := data.t.f(0)", null)))
        .contains("eval_conflict_error: functions must not produce multiple outputs for same inputs");
  }

  @Test
  void builtinErrorsAreUndefinedUnlessStrict() {
    PreparedPolicy p = policy("package t\n\np := count(input.n)\n");
    assertThat(value(p, "data.t.p", "{\"n\": 5}")).isEqualTo("undefined");
    assertThat(error(() -> p.evaluate("x := data.t.p",
        io.tripline.rego.value.ValueJson.parseJson("{\"n\": 5}"), new EvalOptions(true, null))))
        .isEqualTo("m0.rego:3: eval_type_error: count: operand 1 must be one of {array, object, set, string} but got number");
  }

  @Test
  void comprehensionLocalsDoNotLeakAndClosuresSeeOuterBindings() {
    PreparedPolicy p = policy("""
        package t

        p := [n, ys] if {
          n := 2
          ys := [y | some y in [1, 2, 3]; y >= n]
          y := "outer"
        }
        """);
    assertThat(value(p, "data.t.p")).isEqualTo("[2,[2,3]]");
  }

  @Test
  void withOverridesAVirtualDocumentAndNests() {
    PreparedPolicy p = policy("""
        package t

        threshold := 10
        alert if input.n > threshold
        both if {
          alert with threshold as 1 with input.n as 5
          not alert with input.n as 5
        }
        """);
    assertThat(value(p, "data.t.alert with data.t.threshold as 1", "{\"n\": 5}")).isEqualTo("true");
    assertThat(value(p, "data.t.alert", "{\"n\": 5}")).isEqualTo("undefined");
    assertThat(value(p, "data.t.both", "{}")).isEqualTo("true");
  }

  @Test
  void iterationOverDataSpansPackagesAndBaseDocuments() {
    PreparedPolicy p = policy(
        "package rules.a\n\nalert contains \"a\" if true\n",
        "package rules.b\n\nalert contains \"b\" if input.x\n");
    assertThat(bindings(p, "data.rules[name].alert[msg]", "{\"x\": true}"))
        .isEqualTo("[{\"msg\":\"a\",\"name\":\"a\"},{\"msg\":\"b\",\"name\":\"b\"}]");
  }

  @Test
  void v0ModulesWithFutureKeywordsStillParse() {
    PreparedPolicy p = policy("""
        package old
        import future.keywords.in

        deny[msg] {
          some x in input.xs
          x > 2
          msg := sprintf("too big: %d", [x])
        }
        """);
    assertThat(value(p, "data.old.deny", "{\"xs\": [1, 3]}")).isEqualTo("[\"too big: 3\"]");
  }

  @Test
  void templateStringsInterpolateAndRenderUndefined() {
    PreparedPolicy p = policy("""
        package t

        msg := $"{input.user} ran {count(input.xs)} calls on {input.missing}, tags {input.tags} \\{x}"
        raw(n) := $`hi {n}`
        """);
    assertThat(value(p, "data.t.msg", "{\"user\": \"eve\", \"xs\": [1, 2], \"tags\": {\"k\": 1}}"))
        .isEqualTo("\"eve ran 2 calls on <undefined>, tags {\\\"k\\\": 1} {x}\"");
    assertThat(value(p, "data.t.raw(\"bo\")")).isEqualTo("\"hi bo\"");
  }

  @Test
  void nestedDeclarationsShadowWithoutLeaking() {
    PreparedPolicy p = policy("""
        package t

        xs := [1, 2, 3]
        pairs := [a | some a in xs; b := [a | some a in [a, a]]; count(b) == 2]
        every_keeps_outer if {
          x := 10
          every y in xs {
            x := y * 2
            x > 0
          }
          x == 10
        }
        """);
    assertThat(value(p, "data.t.pairs")).isEqualTo("[1,2,3]");
    assertThat(value(p, "data.t.every_keeps_outer")).isEqualTo("true");
  }
}

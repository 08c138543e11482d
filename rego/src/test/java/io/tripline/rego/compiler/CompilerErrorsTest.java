package io.tripline.rego.compiler;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompilerErrorsTest {

  @Test
  void unsafeVariablesAreReportedWhereTheyAre() {
    assertThat(error(() -> policy("package t\n\np if {\n  x > 1\n}\n")))
        .isEqualTo("m0.rego:4:3: rego_unsafe_var_error: var x is unsafe");
    assertThat(error(() -> policy("package t\n\np[x] := 1 if true\n")))
        .isEqualTo("m0.rego:3:3: rego_unsafe_var_error: var x is unsafe");
  }

  @Test
  void bodiesAreReorderedForSafety() {
    var p = policy("package t\n\np := y if {\n  y == x + 1\n  x := 2\n  y := 3\n}\n");
    assertThat(io.tripline.rego.RegoFixture.value(p, "data.t.p")).isEqualTo("3");
  }

  @Test
  void recursionIsAnError() {
    assertThat(error(() -> policy("package t\n\np if q\nq if p\n")))
        .contains("rego_recursion_error: rule data.t.p is recursive: data.t.p -> data.t.q -> data.t.p");
  }

  @Test
  void conflictingKindsAndMultipleDefaults() {
    assertThat(error(() -> policy("package t\n\np := 1\np contains 2\n")))
        .contains("rego_type_error: conflicting rules data.t.p found");
    assertThat(error(() -> policy("package t\n\ndefault p := 1\ndefault p := 2\n")))
        .contains("rego_type_error: multiple default rules data.t.p found");
  }

  @Test
  void reassignmentAndUnknownFunctionsAndArity() {
    assertThat(error(() -> policy("package t\n\np if {\n  x := 1\n  x := 2\n}\n")))
        .contains("rego_compile_error: var x assigned above");
    assertThat(error(() -> policy("package t\n\np if nope(1)\n")))
        .contains("m0.rego:3:6: rego_type_error: undefined function nope");
    assertThat(error(() -> policy("package t\n\np if count(1, 2, 3)\n")))
        .contains("rego_type_error: count: too many arguments");
  }

  @Test
  void importsMustNotShadowEachOther() {
    assertThat(error(() -> policy("package t\n\nimport data.foo\nimport data.bar as foo\n")))
        .isEqualTo("m0.rego:4:1: rego_compile_error: import must not shadow import data.foo");
  }

  @Test
  void allErrorsAreCollectedInSourceOrder() {
    String msg = error(() -> policy("package t\n\np if x > 1\nq if y > 1\n"));
    assertThat(msg).isEqualTo(
        "m0.rego:3:6: rego_unsafe_var_error: var x is unsafe\nm0.rego:4:6: rego_unsafe_var_error: var y is unsafe");
  }
}

package io.tripline.rego;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules written in Rego v0, read as OPA 1.x's {@code --v0-compatible} reads them. */
class RegoV0CompatibilityTest {

  private static PreparedPolicy v0(String source) {
    return Rego.compile(Map.of("v0.rego", source), ObjectValue.EMPTY, RegoVersion.V0);
  }

  @Test
  void rulesWithoutIfPartialSetsDefaultsAndElseWithoutImports() {
    PreparedPolicy p = v0("""
        package lib

        default allow = false

        allow { input.user == "admin" }

        deny[msg] {
          input.port == 22
          msg := sprintf("port %d is open", [input.port])
        }

        names[n] = upper(n) { n := input.names[_] }

        level = "high" { input.score > 7 } else = "low" { true }

        is_admin(u) { u == "admin" }
        """);
    assertThat(value(p, "data.lib.allow", "{\"user\": \"admin\"}")).isEqualTo("true");
    assertThat(value(p, "data.lib.allow", "{\"user\": \"bob\"}")).isEqualTo("false");
    assertThat(value(p, "data.lib.deny", "{\"port\": 22}")).isEqualTo("[\"port 22 is open\"]");
    assertThat(value(p, "data.lib.names", "{\"names\": [\"a\"]}")).isEqualTo("{\"a\":\"A\"}");
    assertThat(value(p, "data.lib.level", "{\"score\": 3}")).isEqualTo("\"low\"");
    assertThat(value(p, "data.lib.is_admin(\"admin\")")).isEqualTo("true");
  }

  @Test
  void futureKeywordsAreIdentifiersUntilImported() {
    PreparedPolicy p = v0("""
        package lib

        p { contains := "x"; in := [contains]; in[0] == "x" }
        q { contains("abc", "b") }

        import future.keywords.in

        r { "a" in input.xs }
        """);
    assertThat(value(p, "data.lib.p")).isEqualTo("true");
    assertThat(value(p, "data.lib.q")).isEqualTo("true");
    assertThat(value(p, "data.lib.r", "{\"xs\": [\"a\"]}")).isEqualTo("true");
    assertThat(error(() -> v0("package lib\n\np { \"a\" in input.xs }\n"))).contains("v0.rego:3:").contains("rego_parse_error");
    assertThat(error(() -> v0("package lib\nimport future.keywords.when\n")))
        .contains("unexpected keyword, must be one of [contains every if in]");
  }

  @Test
  void regoV1ImportMakesAV0ModuleV1() {
    assertThat(error(() -> v0("package lib\nimport rego.v1\n\np { true }\n")))
        .contains("`if` keyword is required before rule body");
    assertThat(value(v0("package lib\nimport rego.v1\n\np contains 1 if true\n"), "data.lib.p")).isEqualTo("[1]");
  }

  @Test
  void importsMayFollowRules() {
    PreparedPolicy p = RegoFixture.policy("""
        package lib

        p := x.y if true

        import data.other as x
        """, "package other\n\ny := 7\n");
    assertThat(value(p, "data.lib.p")).isEqualTo("7");
  }

  @Test
  void builtinsKeptForV0Only() {
    PreparedPolicy p = v0("""
        package lib

        a = any([false, true])
        b = all(set())
        c = cast_array({3, 1})
        d = cast_set([1, 1])
        e = set_diff({1, 2}, {2})
        f = re_match("^a", "abc")
        g = net.cidr_overlap("10.0.0.0/8", "10.1.2.3")
        h = cast_string("s")
        i = cast_boolean(true)
        j = cast_null(null)
        k = cast_object({"a": 1})
        """);
    assertThat(value(p, "[data.lib.a, data.lib.b, data.lib.c, data.lib.d, data.lib.e, data.lib.f, data.lib.g]"))
        .isEqualTo("[true,true,[1,3],[1],[1],true,true]");
    assertThat(value(p, "[data.lib.h, data.lib.i, data.lib.j, data.lib.k]")).isEqualTo("[\"s\",true,null,{\"a\":1}]");
    assertThat(error(() -> p.evaluate("x := cast_string(1)", null, new EvalOptions(true, null))))
        .contains("cast_string: operand 1 must be string but got number");
    assertThat(error(() -> RegoFixture.policy("package lib\n\np := any([true])\n")))
        .isEqualTo("m0.rego:3:6: rego_type_error: deprecated built-in function calls in expression: any");
  }

  @Test
  void policySourcesCarryTheVersionAndBundleManifestsOverrideIt(@TempDir Path dir) throws IOException {
    Path legacy = Files.createDirectories(dir.resolve("legacy"));
    Files.writeString(legacy.resolve("a.rego"), "package a\n\np[x] { x := 1 }\n");
    Files.writeString(legacy.resolve(".manifest"), "{\"rego_version\": 0}");
    Path modern = Files.createDirectories(dir.resolve("modern"));
    Files.writeString(modern.resolve("b.rego"), "package b\n\nq contains 2 if true\n");
    Files.writeString(modern.resolve("old.rego"), "package c\n\nr { true }\n");
    Files.writeString(modern.resolve(".manifest"), "{\"file_rego_versions\": {\"/old.rego\": 0}}");

    PolicySources sources = PolicySources.load(List.of(legacy, modern));
    PreparedPolicy p = Rego.compile(sources);
    assertThat(value(p, "[data.a.p, data.b.q, data.c.r]")).isEqualTo("[[1],[2],true]");

    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("d.rego"), "package d\n\ns { true }\n");
    assertThat(error(() -> Rego.compile(loadUnchecked(plain, RegoVersion.V1)))).contains("`if` keyword is required");
    assertThat(value(Rego.compile(loadUnchecked(plain, RegoVersion.V0)), "data.d.s")).isEqualTo("true");
  }

  private static PolicySources loadUnchecked(Path p, RegoVersion v) {
    try {
      return PolicySources.load(List.of(p), v);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

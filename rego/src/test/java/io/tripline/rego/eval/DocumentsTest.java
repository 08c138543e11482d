package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.bindings;
import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.policyWithData;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/** Complete, multi-value and partial-object rules, ref heads, defaults, else, base and virtual data. */
class DocumentsTest {

  @Test
  void completeRulesAreUndefinedUnlessABodyHolds() {
    PreparedPolicy p = policy("package t\n\np if input.x == 1\nq := 7 if false\ndefault r := \"low\"\n");
    assertThat(value(p, "data.t.p", "{\"x\":1}")).isEqualTo("true");
    assertThat(value(p, "data.t.p", "{\"x\":2}")).isEqualTo("undefined");
    assertThat(value(p, "data.t.q")).isEqualTo("undefined");
    assertThat(value(p, "data.t.r")).isEqualTo("\"low\"");
    // a package with only undefined rules is an empty object
    assertThat(value(policy("package e\n\np if false\n"), "data.e")).isEqualTo("{}");
  }

  @Test
  void multiValueRulesBuildSetsAndAreEmptyWhenNothingMatches() {
    PreparedPolicy p = policy("package t\n\nnames contains n if some n in input.names\nnone contains 1 if false\n");
    assertThat(value(p, "data.t.names", "{\"names\":[\"b\",\"a\",\"b\"]}")).isEqualTo("[\"a\",\"b\"]");
    assertThat(value(p, "data.t.none")).isEqualTo("[]");
    assertThat(bindings(p, "data.t.names[x]", "{\"names\":[\"b\",\"a\"]}")).isEqualTo("[{\"x\":\"a\"},{\"x\":\"b\"}]");
  }

  @Test
  void refHeadsBuildNestedObjects() {
    PreparedPolicy p = policy("""
        package t

        by_id[o.id] := o.name if some o in input.owners
        groups[g] contains u if {
          some u in input.users
          g := u.group
        }
        a.b.c := 1
        a.b.d := 2
        """);
    String in = "{\"owners\":[{\"id\":\"x\",\"name\":\"X\"}],\"users\":[{\"group\":\"g\",\"n\":1}]}";
    assertThat(value(p, "data.t.by_id", in)).isEqualTo("{\"x\":\"X\"}");
    assertThat(value(p, "data.t.groups", in)).isEqualTo("{\"g\":[{\"group\":\"g\",\"n\":1}]}");
    assertThat(value(p, "data.t.a")).isEqualTo("{\"b\":{\"c\":1,\"d\":2}}");
  }

  @Test
  void conflictsAreErrorsAsInOpa() {
    PreparedPolicy p = policy("package t\n\np := 1\np := 2 if true\nq[k] := v if { some k, v in {\"a\": 1}; true } \nq[\"a\"] := 2\n");
    assertThat(error(() -> p.evaluate("x := data.t.p", null)))
        .isEqualTo("m0.rego:4: eval_conflict_error: rule data.t.p produced conflicting values");
    assertThat(error(() -> p.evaluate("x := data.t.q", null))).contains("eval_conflict_error: object keys must be unique");
  }

  @Test
  void elseChainsPickTheFirstClauseThatHolds() {
    PreparedPolicy p = policy("""
        package t

        size := "large" if input.n > 100
        else := "small" if input.n > 10
        else := "tiny"
        """);
    assertThat(value(p, "data.t.size", "{\"n\":500}")).isEqualTo("\"large\"");
    assertThat(value(p, "data.t.size", "{\"n\":50}")).isEqualTo("\"small\"");
    assertThat(value(p, "data.t.size", "{\"n\":5}")).isEqualTo("\"tiny\"");
  }

  @Test
  void baseAndVirtualDocumentsMerge() {
    PreparedPolicy p = policyWithData("{\"t\":{\"base\":{\"k\":1}}}", "package t\n\nv := 2\n");
    assertThat(value(p, "data.t")).isEqualTo("{\"base\":{\"k\":1},\"v\":2}");
    assertThat(bindings(p, "data.t[k]", null)).isEqualTo("[{\"k\":\"base\"},{\"k\":\"v\"}]");
  }

  @Test
  void rulesAcrossPackagesAndImports() {
    PreparedPolicy p = policy(
        "package lib\n\nadmins := {\"root\"}\n\nis_admin(u) if admins[u]\n",
        "package app\n\nimport data.lib\n\nallow if lib.is_admin(input.user)\n");
    assertThat(value(p, "data.app.allow", "{\"user\":\"root\"}")).isEqualTo("true");
    assertThat(value(p, "data.app.allow", "{\"user\":\"bob\"}")).isEqualTo("undefined");
  }
}

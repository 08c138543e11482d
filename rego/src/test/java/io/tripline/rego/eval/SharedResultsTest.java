package io.tripline.rego.eval;

import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.policyWithData;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.compiler.Compiler;
import io.tripline.rego.compiler.RuleNode;
import io.tripline.rego.parser.RegoParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results shared across evaluations of one policy: which documents count as the same for every
 * input, which functions are kept under the paths they read, and that one policy evaluated on a
 * sequence of inputs gives each input its own answer wherever the shared result would differ.
 */
class SharedResultsTest {

  private static RuleNode tree(String module) {
    return Compiler.compile(List.of(RegoParser.parseModule("m.rego", module)), BuiltinTable.standard());
  }

  private static RuleNode node(RuleNode root, String dotted) {
    return root.find(dotted);
  }

  @Test
  void documentsThatReadOnlyDataAreConstantOthersAreNot() {
    RuleNode root = tree("""
        package t

        calls := {"A", "B"}
        cfg := object.get(data.settings, "x", 1)
        derived := count(calls) + cfg
        reads_input if input.a == 1
        uses_reader := reads_input
        stamped := time.now_ns()
        chain := rego.metadata.chain()
        """);
    SharedResults s = new SharedResults(root, BuiltinTable.standard());
    assertThat(s.constant(node(root, "data.t.calls"))).isTrue();
    assertThat(s.constant(node(root, "data.t.cfg"))).isTrue();
    assertThat(s.constant(node(root, "data.t.derived"))).isTrue();
    assertThat(s.constant(node(root, "data.t.reads_input"))).isFalse();
    assertThat(s.constant(node(root, "data.t.uses_reader"))).isFalse();
    assertThat(s.constant(node(root, "data.t.stamped"))).isFalse();
    assertThat(s.constant(node(root, "data.t.chain"))).isFalse();
  }

  @Test
  void functionsAreKeptOnlyWhenTheyReadNothingButTheirArguments() {
    RuleNode root = tree("""
        package t

        name(r) := r.user.name
        label(r) := concat(":", [name(r), object.get(r, ["user", "type"], "none")])
        sized(r) := count(r)
        mixed(r) := concat("", [r.a, input.b])
        clock(r) := [r.a, time.now_ns()]
        under_with(r) := x if x := r.a with input as {}
        """);
    SharedResults s = new SharedResults(root, BuiltinTable.standard());
    assertThat(s.plan(node(root, "data.t.name"))).isNotNull();
    assertThat(s.plan(node(root, "data.t.label"))).isNotNull();
    assertThat(s.plan(node(root, "data.t.sized"))).isNotNull(); // keyed by the whole (small) argument
    assertThat(s.plan(node(root, "data.t.mixed"))).isNull();
    assertThat(s.plan(node(root, "data.t.clock"))).isNull();
    assertThat(s.plan(node(root, "data.t.under_with"))).isNull();
  }

  @Test
  void documentsThatReadTheInputThroughFixedPathsAreKeptUnderThem() {
    RuleNode root = tree("""
        package t

        service(r) := r.id.service

        called if input.name == "Get"
        match if {
          called
          service(input) == "s3"
        }
        whole := count(input)
        stamped := [input.name, time.now_ns()]
        """);
    SharedResults s = new SharedResults(root, BuiltinTable.standard());
    assertThat(s.documentPlan(node(root, "data.t.called"))).isNotNull();
    assertThat(s.documentPlan(node(root, "data.t.match"))).isNotNull();
    assertThat(s.documentPlan(node(root, "data.t.whole"))).isNull();
    assertThat(s.documentPlan(node(root, "data.t.stamped"))).isNull();

    PreparedPolicy p = policy("""
        package t

        service(r) := r.id.service

        match if {
          input.name == "Get"
          service(input) == "s3"
        }

        via_with if match with input as {"name": "Get", "id": {"service": "s3"}}
        """);
    for (int i = 0; i < 3; i++) {
      assertThat(value(p, "data.t.match", "{\"name\":\"Get\",\"id\":{\"service\":\"s3\"},\"n\":" + i + "}")).isEqualTo("true");
      assertThat(value(p, "data.t.match", "{\"name\":\"Get\",\"id\":{\"service\":\"ec2\"}}")).isEqualTo("undefined");
      assertThat(value(p, "data.t.match", "{\"name\":\"Put\",\"id\":{\"service\":\"s3\"}}")).isEqualTo("undefined");
      assertThat(value(p, "data.t.via_with", "{\"name\":\"Put\"}")).isEqualTo("true");
      assertThat(value(p, "data.t.match", "{\"name\":\"Put\"}")).isEqualTo("undefined");
    }
  }

  @Test
  void aRuleIsSkippedWhenItsGuardFailedForTheSameGuardValues() {
    PreparedPolicy p = policy("""
        package t

        reader(r) if r.user == "auditor"

        alert contains msg if {
          input.kind == "read"
          not reader(input)
          count(rego.metadata.chain()) >= 0
          msg := sprintf("%s read %s at %v", [input.user, input.object, input.id])
        }

        labelled := l if {
          input.kind == "read"
          l := input.object
        } else := "other"
        """);
    for (int i = 0; i < 3; i++) {
      // the guard (kind, user) fails for the auditor and for writes, whatever the rest says
      assertThat(value(p, "data.t.alert", "{\"kind\":\"read\",\"user\":\"auditor\",\"object\":\"a\",\"id\":" + i + "}"))
          .isEqualTo("[]");
      assertThat(value(p, "data.t.alert", "{\"kind\":\"write\",\"user\":\"dev\",\"object\":\"a\",\"id\":" + i + "}"))
          .isEqualTo("[]");
      // and holds for a developer's read: the rest of the body runs on this record
      assertThat(value(p, "data.t.alert", "{\"kind\":\"read\",\"user\":\"dev\",\"object\":\"o" + i + "\",\"id\":" + i + "}"))
          .isEqualTo("[\"dev read o" + i + " at " + i + "\"]");
      // a rule with else clauses has no guard: the else runs when the body fails
      assertThat(value(p, "data.t.labelled", "{\"kind\":\"write\",\"object\":\"a\"}")).isEqualTo("\"other\"");
      assertThat(value(p, "data.t.labelled", "{\"kind\":\"read\",\"object\":\"b" + i + "\"}")).isEqualTo("\"b" + i + "\"");
    }
  }

  @Test
  void aKeyTellsMissingKeysFromValuesThatAreNotObjects() {
    PreparedPolicy p = policy("""
        package t

        kind(r) := object.get(r.u, "t", "default")

        name(r) := r.u.name
        """);
    // Same policy, one input after another: each answer must be the input's own.
    assertThat(value(p, "data.t.kind(input)", "{\"u\":{\"t\":\"x\"},\"other\":1}")).isEqualTo("\"x\"");
    assertThat(value(p, "data.t.kind(input)", "{\"u\":{\"t\":\"x\"},\"other\":2}")).isEqualTo("\"x\"");
    assertThat(value(p, "data.t.kind(input)", "{\"u\":{}}")).isEqualTo("\"default\"");
    assertThat(value(p, "data.t.kind(input)", "{\"u\":null}")).isEqualTo("undefined");
    assertThat(value(p, "data.t.kind(input)", "{\"u\":{\"t\":\"y\"}}")).isEqualTo("\"y\"");
    assertThat(value(p, "data.t.name(input)", "{\"u\":\"name\"}")).isEqualTo("undefined");
    assertThat(value(p, "data.t.name(input)", "{\"u\":{\"name\":\"a\"}}")).isEqualTo("\"a\"");
    assertThat(value(p, "data.t.name(input)", "{\"u\":[\"name\"]}")).isEqualTo("undefined");
  }

  @Test
  void functionsPassingTheirArgumentOnReadWhatTheCalleeReads() {
    PreparedPolicy p = policy("""
        package t

        arn(r) := r.id.arn

        arn(r) := r.id.service if not r.id.arn

        listed(r, patterns) if {
          some x in patterns
          glob.match(x, null, arn(r))
        }

        reader(r) if listed(r, ["arn:*:reader"])
        """);
    String reader = "{\"id\":{\"arn\":\"arn:x:reader\"},\"n\":1}";
    String other = "{\"id\":{\"arn\":\"arn:x:writer\"},\"n\":1}";
    String service = "{\"id\":{\"service\":\"arn:svc:reader\"}}";
    for (int i = 0; i < 3; i++) {
      assertThat(value(p, "data.t.reader(input)", reader)).isEqualTo("true");
      assertThat(value(p, "data.t.reader(input)", other)).isEqualTo("undefined");
      assertThat(value(p, "data.t.reader(input)", service)).isEqualTo("true");
    }
  }

  @Test
  void sharedDocumentsGiveWayToWithReplacements() {
    PreparedPolicy p = policyWithData("{\"cfg\":{\"x\":1}}", """
        package t

        limit := data.cfg.x + 1

        f(r) := r.a + limit

        plain := [limit, f(input)]

        replaced := x if x := [limit, f(input)] with data.cfg.x as 10
        """);
    assertThat(value(p, "data.t.plain", "{\"a\":1}")).isEqualTo("[2,3]");
    assertThat(value(p, "data.t.replaced", "{\"a\":1}")).isEqualTo("[11,12]");
    assertThat(value(p, "data.t.plain", "{\"a\":1}")).isEqualTo("[2,3]");
  }

  @Test
  void largeArgumentsAreEvaluatedWithoutAKey() {
    PreparedPolicy p = policy("""
        package t

        total(xs) := sum(xs)
        """);
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 200; i++) {
      big.append(i == 0 ? "" : ",").append(i);
    }
    big.append("]");
    assertThat(value(p, "data.t.total(input)", big.toString())).isEqualTo("19900");
    assertThat(value(p, "data.t.total(input)", "[1,2]")).isEqualTo("3");
  }
}

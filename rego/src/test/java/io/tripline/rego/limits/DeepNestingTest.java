package io.tripline.rego.limits;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.parser.RegoParser;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15: deep nesting parses and evaluates to 10 000 levels; past the limit it is a located error. */
class DeepNestingTest {
  private static final int LEVELS = 10_000;

  private static String nested(int n) {
    return "[".repeat(n) + "]".repeat(n);
  }

  @Test
  void tenThousandNestedArraysInAQuery() {
    PreparedPolicy p = policy("package t\n");
    QueryResult r = p.evaluate("x := " + nested(LEVELS) + "; y := x[0][0][0]", null);
    assertThat(r.isUndefined()).isFalse();
    Value x = r.results().get(0).bindings().get("x");
    int depth = 0;
    while (x instanceof ArrayValue a && a.size() == 1) {
      x = a.get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(LEVELS - 1);
  }

  @Test
  void tenThousandNestedArraysInARule() {
    PreparedPolicy p = Rego.compile(Map.of("deep.rego", "package t\n\np := count(" + nested(LEVELS) + ")\n"),
        ObjectValue.EMPTY);
    assertThat(p.evaluate("x := data.t.p", null).results().get(0).bindings().get("x")).isEqualTo(NumberValue.of(1));
  }

  @Test
  void tenThousandTermOperatorChain() {
    PreparedPolicy p = policy("package t\n\nn := " + String.join(" + ", java.util.Collections.nCopies(LEVELS, "1")) + "\n");
    assertThat(p.evaluate("x := data.t.n", null).results().get(0).bindings().get("x"))
        .isEqualTo(NumberValue.of(LEVELS));
    assertThat(policy("package t\n").evaluate("x := " + "-".repeat(LEVELS) + "1", null).results().get(0)
        .bindings().get("x")).isEqualTo(NumberValue.of(1));
  }

  @Test
  void longBodiesAndDeepComprehensions() {
    StringBuilder body = new StringBuilder("package t\n\np if {\n");
    for (int i = 0; i < RegoParser.MAX_BODY; i++) {
      body.append("  x").append(i).append(" := ").append(i).append("\n");
    }
    assertThat(policy(body + "}\n").evaluate("data.t.p", null).isUndefined()).isFalse();
    assertThat(error(() -> policy(body + "  y := 1\n}\n")))
        .isEqualTo("m0.rego:1004:3: rego_parse_error: body too long: more than " + RegoParser.MAX_BODY
            + " expressions; split it into helper rules or functions");
    String q = "x := " + "[y | y := ".repeat(500) + "1" + "]".repeat(500);
    assertThat(policy("package t\n").evaluate(q, null).isUndefined()).isFalse();
  }

  @Test
  void pastTheLimitIsALocatedParseError() {
    int n = RegoParser.MAX_DEPTH + 1;
    String err = error(() -> Rego.compile(Map.of("deep.rego", "package t\n\np := " + nested(n) + "\n"), ObjectValue.EMPTY));
    assertThat(err).startsWith("deep.rego:3:" + (5 + RegoParser.MAX_DEPTH + 1) + ": rego_parse_error: term nested too deeply")
        .contains("more than " + RegoParser.MAX_DEPTH);
    String chain = String.join("+", java.util.Collections.nCopies(n + 1, "1"));
    assertThat(error(() -> policy("package t\n").evaluate("x := " + chain, null)))
        .contains("rego_parse_error: term nested too deeply");
  }
}

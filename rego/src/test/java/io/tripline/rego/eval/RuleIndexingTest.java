package io.tripline.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.RegoFixture;
import io.tripline.rego.value.ValueJson;
import org.junit.jupiter.api.Test;

/** Rule indexing skips rules whose input conditions cannot hold, and never changes a result. */
class RuleIndexingTest {
  private static final EvalOptions OFF = EvalOptions.DEFAULT.ruleIndexing(false);

  private static final String ALERTS = """
      package t
      import rego.v1

      alert contains "updated" if {
        input.eventSource == "cloudtrail.amazonaws.com"
        input.eventName == "UpdateTrail"
        not input.errorCode
      }

      alert contains "stopped" if {
        "StopLogging" = input.eventName
        input.eventSource = "cloudtrail.amazonaws.com"
      }

      alert contains "root" if input.userIdentity.type == "Root"

      alert contains "bucket" if input.eventName in {"PutBucketPolicy", "DeleteBucketPolicy"}

      alert contains "numbered" if input.count == 5

      alert contains "flagged" if input.readOnly == false

      alert contains "nothing_can_match" if {
        input.eventName == "A"
        input.eventName == "B"
      }

      alert contains sprintf("any %s", [input.eventName]) if startswith(input.eventName, "Describe")
      """;

  /** The query's result as JSON, asserting that evaluating without indexing gives the same. */
  private static String both(PreparedPolicy p, String query, String inputJson) {
    var input = inputJson == null ? null : ValueJson.parseJson(inputJson);
    QueryResult on = p.evaluate(query, input, EvalOptions.DEFAULT);
    QueryResult off = p.evaluate(query, input, OFF);
    assertThat(on.toJson()).isEqualTo(off.toJson());
    return on.isUndefined() ? "undefined" : ValueJson.write(on.results().get(0).expressions().get(0).value());
  }

  @Test
  void equalityUnificationAndMembershipSelectTheRulesThatHold() {
    PreparedPolicy p = RegoFixture.policy(ALERTS);
    assertThat(both(p, "data.t.alert",
        "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"UpdateTrail\"}")).isEqualTo("[\"updated\"]");
    assertThat(both(p, "data.t.alert",
        "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\"}")).isEqualTo("[\"stopped\"]");
    assertThat(both(p, "data.t.alert", "{\"eventName\":\"DeleteBucketPolicy\"}")).isEqualTo("[\"bucket\"]");
    assertThat(both(p, "data.t.alert", "{\"eventName\":\"DescribeTrails\",\"userIdentity\":{\"type\":\"Root\"}}"))
        .isEqualTo("[\"any DescribeTrails\",\"root\"]");
    assertThat(both(p, "data.t.alert", "{\"eventName\":\"A\"}")).isEqualTo("[]");
  }

  @Test
  void undefinedFieldsAndMissingInputMatchNoIndexedRule() {
    PreparedPolicy p = RegoFixture.policy(ALERTS);
    assertThat(both(p, "data.t.alert", "{}")).isEqualTo("[]");
    assertThat(both(p, "data.t.alert", null)).isEqualTo("[]");
    assertThat(both(p, "data.t.alert", "{\"userIdentity\":\"Root\"}")).isEqualTo("[]");
    assertThat(both(p, "data.t.alert", "[1, 2]")).isEqualTo("[]");
    assertThat(both(p, "data.t.alert", "{\"eventSource\":null,\"eventName\":\"UpdateTrail\"}")).isEqualTo("[]");
  }

  @Test
  void numbersMatchAcrossRepresentationsAndBooleansByValue() {
    PreparedPolicy p = RegoFixture.policy(ALERTS);
    assertThat(both(p, "data.t.alert", "{\"count\": 5.0}")).isEqualTo("[\"numbered\"]");
    assertThat(both(p, "data.t.alert", "{\"count\": \"5\"}")).isEqualTo("[]");
    assertThat(both(p, "data.t.alert", "{\"readOnly\": false}")).isEqualTo("[\"flagged\"]");
    assertThat(both(p, "data.t.alert", "{\"readOnly\": 0}")).isEqualTo("[]");
  }

  @Test
  void withInputLooksUpTheReplacedInput() {
    PreparedPolicy p = RegoFixture.policy(ALERTS, """
        package q
        import rego.v1
        replaced := x if x := data.t.alert with input as {"eventName": "PutBucketPolicy"}
        patched := x if x := data.t.alert with input.userIdentity.type as "Root"
        outer := data.t.alert
        """);
    String record = "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\"}";
    assertThat(both(p, "data.q.replaced", record)).isEqualTo("[\"bucket\"]");
    assertThat(both(p, "data.q.patched", record)).isEqualTo("[\"root\",\"stopped\"]");
    assertThat(both(p, "data.q.outer", record)).isEqualTo("[\"stopped\"]");
    assertThat(both(p, "data.t.alert with input as {\"count\": 5}", record)).isEqualTo("[\"numbered\"]");
  }

  @Test
  void completeRulesKeepDefaultsElseChainsAndConflicts() {
    PreparedPolicy p = RegoFixture.policy("""
        package c
        import rego.v1

        default severity := "none"
        severity := "high" if input.eventName == "DeleteTrail"
        severity := "medium" if input.eventName == "StopLogging"

        kind := "read" if {
          input.readOnly == true
        } else := "write" if {
          input.readOnly == false
        } else := "unknown"

        clash := 1 if input.x == "a"
        clash := 2 if input.y == "b"

        level(n) := "big" if {
          input.mode == "strict"
          n > 10
        }
        level(n) := "small" if n <= 10

        fn_result := level(20)
        """);
    assertThat(both(p, "data.c.severity", "{\"eventName\":\"DeleteTrail\"}")).isEqualTo("\"high\"");
    assertThat(both(p, "data.c.severity", "{\"eventName\":\"Other\"}")).isEqualTo("\"none\"");
    assertThat(both(p, "data.c.severity", null)).isEqualTo("\"none\"");
    assertThat(both(p, "data.c.kind", "{\"readOnly\": false}")).isEqualTo("\"write\"");
    assertThat(both(p, "data.c.kind", "{}")).isEqualTo("\"unknown\"");
    assertThat(both(p, "data.c.clash", "{\"x\":\"a\"}")).isEqualTo("1");
    assertThat(both(p, "data.c.clash", "{\"x\":\"c\"}")).isEqualTo("undefined");
    assertThat(RegoFixture.error(() -> p.evaluate("data.c.clash", ValueJson.parseJson("{\"x\":\"a\",\"y\":\"b\"}"))))
        .contains("conflicting values");
    assertThat(both(p, "data.c.fn_result", "{\"mode\":\"strict\"}")).isEqualTo("\"big\"");
    assertThat(both(p, "data.c.fn_result", "{\"mode\":\"lax\"}")).isEqualTo("undefined");
  }

  @Test
  void partialObjectsAndManyRules() {
    StringBuilder src = new StringBuilder("package m\nimport rego.v1\n");
    for (int i = 0; i < 150; i++) {
      src.append("hits contains ").append(i).append(" if { input.kind == \"k").append(i % 7)
          .append("\"; input.n == ").append(i % 11).append(" }\n");
      src.append("by_name[\"r").append(i).append("\"] := ").append(i).append(" if input.name == \"n")
          .append(i % 5).append("\"\n");
    }
    PreparedPolicy p = RegoFixture.policy(src.toString());
    for (int k = 0; k < 7; k++) {
      for (int n = 0; n < 11; n++) {
        both(p, "data.m.hits", "{\"kind\":\"k" + k + "\",\"n\":" + n + "}");
      }
    }
    assertThat(both(p, "data.m.hits", "{\"kind\":\"k3\",\"n\":3}")).isEqualTo("[3,80]");
    assertThat(both(p, "data.m.by_name", "{\"name\":\"n4\"}")).startsWith("{\"r104\":104,");
  }

  @Test
  void mocksAndFunctionRulesAreNotIndexedAway() {
    PreparedPolicy p = RegoFixture.policy(ALERTS, """
        package w
        import rego.v1
        mocked := x if {
          x := data.t.alert with input.eventName as "UpdateTrail" with input.eventSource as "cloudtrail.amazonaws.com"
        }
        eq_mocked := x if {
          x := data.t.alert with equal as mock_equal
        }
        mock_equal(_, _) := true
        """);
    assertThat(both(p, "data.w.mocked", "{}")).isEqualTo("[\"updated\"]");
    both(p, "data.w.eq_mocked", "{\"eventName\":\"Other\"}");
  }
}

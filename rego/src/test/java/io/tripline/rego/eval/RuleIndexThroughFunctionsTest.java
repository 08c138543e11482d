package io.tripline.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.RegoException;
import io.tripline.rego.RegoFixture;
import io.tripline.rego.value.ValueJson;
import org.junit.jupiter.api.Test;

/**
 * The index also reads the conditions a rule places on the input through the functions it calls,
 * through rules that are constant collections, and through fields that must merely be defined.
 * Each alert below starts with a division by zero, an error under strict builtin errors: a rule
 * the index skips raises nothing, a rule it keeps raises the error. Results never change.
 */
class RuleIndexThroughFunctionsTest {
  private static final EvalOptions STRICT = EvalOptions.DEFAULT.strict(true);

  private static final String RULES = """
      package t
      import rego.v1

      listing_calls := {"DescribeTrails", "GetTrail"}

      trail_read(r) if {
        r.eventSource == "cloudtrail.amazonaws.com"
        r.eventName in listing_calls
      }

      trail_read(r) if {
        r.eventSource == "cloudtrail.amazonaws.com"
        r.eventName == "LookupEvents"
      }

      nested(r) if trail_read(r)

      with_output(r) := r.userIdentity.arn if r.userIdentity.type == "IAMUser"

      loose(r) if r.eventSource == "s3.amazonaws.com"

      loose(r) if startswith(r.eventName, "Get")

      default defaulted(_) := false

      defaulted(r) if r.eventSource == "kms.amazonaws.com"

      alert contains "read" if {
        boom := 1 / count([])
        trail_read(input)
      }

      alert contains "nested" if {
        boom := 1 / count([])
        nested(input)
      }

      alert contains "user" if {
        boom := 1 / count([])
        arn := with_output(input)
      }

      alert contains "denied" if {
        boom := 1 / count([])
        input.errorCode
      }

      alert contains "loose" if {
        boom := 1 / count([])
        loose(input)
      }

      alert contains "defaulted" if {
        boom := 1 / count([])
        defaulted(input)
      }

      read contains "read" if trail_read(input)
      """;

  private static boolean raises(PreparedPolicy p, String query, String input) {
    try {
      p.evaluate(query, ValueJson.parseJson(input), STRICT);
      return false;
    } catch (RegoException e) {
      assertThat(e.getMessage()).contains("divide by zero");
      return true;
    }
  }

  @Test
  void aFunctionsConditionsOnItsArgumentSelectTheCaller() {
    PreparedPolicy p = RegoFixture.policy(RULES.replace("alert contains \"loose\"", "x_loose contains \"loose\"")
        .replace("alert contains \"defaulted\"", "x_defaulted contains \"defaulted\""));
    String ec2 = "{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\",\"userIdentity\":{\"type\":\"Root\"}}";
    assertThat(raises(p, "data.t.alert", ec2)).isFalse();
    assertThat(raises(p, "data.t.alert", "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"GetTrail\","
        + "\"userIdentity\":{\"type\":\"Root\"}}")).isTrue();
    assertThat(raises(p, "data.t.alert", "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"LookupEvents\","
        + "\"userIdentity\":{\"type\":\"Root\"}}")).isTrue();
    // the same source with a call neither clause names
    assertThat(raises(p, "data.t.alert", "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
        + "\"userIdentity\":{\"type\":\"Root\"}}")).isFalse();
    // x := f(input) needs f defined
    assertThat(raises(p, "data.t.alert", "{\"eventSource\":\"ec2.amazonaws.com\",\"userIdentity\":{\"type\":\"IAMUser\"}}"))
        .isTrue();
  }

  @Test
  void aFieldThatMustBeDefinedSkipsRecordsWithoutIt() {
    PreparedPolicy p = RegoFixture.policy("""
        package t
        import rego.v1

        alert contains "denied" if {
          boom := 1 / count([])
          input.errorCode
        }
        """);
    assertThat(raises(p, "data.t.alert", "{\"eventName\":\"GetTrail\"}")).isFalse();
    assertThat(raises(p, "data.t.alert", "{\"errorCode\":false}")).isFalse();
    assertThat(raises(p, "data.t.alert", "{\"errorCode\":\"AccessDenied\"}")).isTrue();
    // null is defined and not false: the expression holds
    assertThat(raises(p, "data.t.alert", "{\"errorCode\":null}")).isTrue();
  }

  @Test
  void functionsWithAnUnconstrainedClauseOrADefaultAreNotFollowed() {
    PreparedPolicy p = RegoFixture.policy(RULES.replace("alert contains \"read\"", "x_read contains \"read\"")
        .replace("alert contains \"nested\"", "x_nested contains \"nested\"")
        .replace("alert contains \"user\"", "x_user contains \"user\"")
        .replace("alert contains \"denied\"", "x_denied contains \"denied\""));
    String ec2 = "{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\"}";
    assertThatThrownBy(() -> p.evaluate("data.t.alert", ValueJson.parseJson(ec2), STRICT))
        .isInstanceOf(RegoException.class).hasMessageContaining("divide by zero");
  }

  @Test
  void resultsAreTheSameWithAndWithoutTheIndex() {
    PreparedPolicy p = RegoFixture.policy(RULES);
    for (String input : new String[] {
        "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"GetTrail\"}",
        "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\"}",
        "{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"GetTrail\"}",
        "{}"}) {
      QueryResult on = p.evaluate("data.t.read", ValueJson.parseJson(input), EvalOptions.DEFAULT);
      QueryResult off = p.evaluate("data.t.read", ValueJson.parseJson(input), EvalOptions.DEFAULT.ruleIndexing(false));
      assertThat(on.toJson()).isEqualTo(off.toJson());
    }
    assertThat(p.evaluate("data.t.read", ValueJson.parseJson("{\"eventSource\":\"cloudtrail.amazonaws.com\","
        + "\"eventName\":\"GetTrail\"}"), EvalOptions.DEFAULT).toJson().toString()).contains("read");
  }

  @Test
  void aFunctionReplacedWithWithIsNotReadThroughItsOriginalBody() {
    PreparedPolicy p = RegoFixture.policy(RULES.replace("package t", "package t\nalways(_) := true"),
        """
        package q
        import rego.v1
        r := x if x := data.t.read with data.t.trail_read as data.t.always
        c := x if x := data.t.read with data.t.listing_calls as {"StopLogging"}
        """);
    String stop = "{\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"StopLogging\"}";
    assertThat(p.evaluate("data.q.r", ValueJson.parseJson(stop), EvalOptions.DEFAULT).toJson().toString()).contains("read");
    String ctStop = "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\"}";
    assertThat(p.evaluate("data.q.c", ValueJson.parseJson(ctStop), EvalOptions.DEFAULT).toJson().toString()).contains("read");
  }
}

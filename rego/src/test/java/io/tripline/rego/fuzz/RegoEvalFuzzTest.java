package io.tripline.rego.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.time.Duration;
import java.util.Map;

/**
 * Issue 15: generated queries over generated JSON input evaluate to a result or a Rego error
 * within the timeout, never another exception. The queries combine terms, operators, builtins,
 * comprehensions and {@code with} from a small grammar driven by the fuzzer's bytes.
 */
class RegoEvalFuzzTest {
  private static final PreparedPolicy POLICY = Rego.compile(Map.of("lib.rego", """
      package lib

      p contains x if some x in input.xs
      q := count(p)
      f(a) := a + 1
      r[k] := v if some k, v in input.obj
      """), ObjectValue.EMPTY);
  private static final String[] BUILTINS = {
    "count", "sum", "max", "upper", "lower", "to_number", "sprintf", "split", "concat", "numbers.range",
    "bits.lsh", "json.marshal", "json.unmarshal", "yaml.unmarshal", "base64.decode", "object.keys",
    "time.parse_rfc3339_ns", "regex.match", "graph.reachable_paths", "units.parse", "semver.compare",
    "array.slice", "substring", "trim", "startswith", "data.lib.f", "format_int", "strings.replace_n"
  };
  private static final String[] OPS = {" + ", " - ", " * ", " / ", " % ", " == ", " != ", " < ", " | ", " & ", " in "};

  @FuzzTest(maxDuration = "5m")
  void evaluate(FuzzedDataProvider data) {
    Value input;
    try {
      input = ValueJson.parseJson(json(data, 0));
    } catch (IllegalArgumentException e) {
      input = null;
    }
    String query = "x := " + term(data, 0);
    if (data.consumeBoolean()) {
      query += " with input.xs as " + term(data, 2);
    }
    try {
      POLICY.evaluate(query, input, EvalOptions.DEFAULT.strict(data.consumeBoolean()).timeout(Duration.ofSeconds(2)));
    } catch (RegoException e) {
      // a located Rego error: fine
    }
  }

  private static String term(FuzzedDataProvider d, int depth) {
    int kind = depth > 4 ? d.consumeInt(0, 3) : d.consumeInt(0, 11);
    return switch (kind) {
      case 0 -> String.valueOf(d.consumeInt(-1000, 1000));
      case 1 -> ValueJson.quote(d.consumeString(12));
      case 2 -> d.pickValue(new String[] {"input", "input.xs", "input.obj", "data.lib.p", "data.lib.q", "data.lib.r",
          "input.xs[_]", "input.obj[k]", "true", "null"});
      case 3 -> String.valueOf(d.consumeDouble());
      case 4 -> "[" + term(d, depth + 1) + ", " + term(d, depth + 1) + "]";
      case 5 -> "{" + term(d, depth + 1) + ": " + term(d, depth + 1) + "}";
      case 6 -> "(" + term(d, depth + 1) + d.pickValue(OPS) + term(d, depth + 1) + ")";
      case 7 -> d.pickValue(BUILTINS) + "(" + term(d, depth + 1) + ")";
      case 8 -> d.pickValue(BUILTINS) + "(" + term(d, depth + 1) + ", " + term(d, depth + 1) + ")";
      case 9 -> "[y | some y in " + term(d, depth + 1) + "]";
      case 10 -> "{y | y := " + term(d, depth + 1) + "[_]}";
      default -> "count([z | z := " + term(d, depth + 1) + "; " + term(d, depth + 1) + "])";
    };
  }

  private static String json(FuzzedDataProvider d, int depth) {
    int kind = depth > 3 ? d.consumeInt(0, 3) : d.consumeInt(0, 5);
    return switch (kind) {
      case 0 -> String.valueOf(d.consumeLong());
      case 1 -> ValueJson.quote(d.consumeString(10));
      case 2 -> d.consumeBoolean() ? "true" : "null";
      case 3 -> String.valueOf(d.consumeInt(0, 5));
      case 4 -> "{\"xs\": [" + json(d, depth + 1) + ", " + json(d, depth + 1) + "], \"obj\": {\"a\": " + json(d, depth + 1) + "}}";
      default -> "[" + json(d, depth + 1) + "]";
    };
  }
}

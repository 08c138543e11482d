package io.tripline.rego;

import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles modules and evaluates queries, rendering results compactly for assertions. */
public final class RegoFixture {
  private RegoFixture() {}

  public static PreparedPolicy policy(String... modules) {
    return policyWithData("{}", modules);
  }

  public static PreparedPolicy policyWithData(String dataJson, String... modules) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < modules.length; i++) {
      m.put("m" + i + ".rego", modules[i]);
    }
    return Rego.compile(m, ValueJson.parseJson(dataJson));
  }

  /** Bindings of every solution as JSON, e.g. [{"x":1}]; [] when undefined. */
  public static String bindings(PreparedPolicy p, String query, String inputJson) {
    Value input = inputJson == null ? null : ValueJson.parseJson(inputJson);
    QueryResult r = p.evaluate(query, input);
    List<Value> rows = new ArrayList<>();
    for (QueryResult.Result res : r.results()) {
      ObjectValue.Builder b = ObjectValue.builder();
      res.bindings().forEach(b::put);
      rows.add(b.build());
    }
    return ValueJson.write(io.tripline.rego.value.ArrayValue.of(rows));
  }

  /** The value of x in the single solution of {@code x := <query>}, as JSON; "undefined" when none. */
  public static String value(PreparedPolicy p, String expr, String inputJson) {
    Value input = inputJson == null ? null : ValueJson.parseJson(inputJson);
    QueryResult r = p.evaluate("__out := " + expr, input);
    if (r.isUndefined()) {
      return "undefined";
    }
    return ValueJson.write(r.results().get(0).bindings().get("__out"));
  }

  public static String value(PreparedPolicy p, String expr) {
    return value(p, expr, null);
  }

  /** The error OPA would print, as file:line[:col]: code: message. */
  public static String error(Runnable r) {
    try {
      r.run();
    } catch (RegoException e) {
      return e.getMessage();
    }
    return "no error";
  }
}

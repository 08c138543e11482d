package io.tripline.rego;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.rego.ast.Location;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.List;
import java.util.Map;

/** The results of a query in OPA's shape: one entry per solution; empty means undefined. */
public record QueryResult(List<Result> results) {

  /** One solution: the value of each query expression and the bindings of the query's variables. */
  public record Result(List<Expression> expressions, Map<String, Value> bindings) {}

  /** An expression of the query, its value in this solution, its text and location. */
  public record Expression(Value value, String text, Location location) {}

  public boolean isUndefined() {
    return results.isEmpty();
  }

  /** {@code opa eval --format json}: {"result": [{"expressions": [...], "bindings": {...}}]} or {}. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    if (results.isEmpty()) {
      return root;
    }
    ArrayNode rs = root.putArray("result");
    for (Result r : results) {
      ObjectNode o = rs.addObject();
      ArrayNode exprs = o.putArray("expressions");
      for (Expression e : r.expressions()) {
        ObjectNode x = exprs.addObject();
        x.set("value", ValueJson.toNode(e.value()));
        x.put("text", e.text());
        ObjectNode loc = x.putObject("location");
        loc.put("row", e.location().line());
        loc.put("col", e.location().col());
      }
      if (!r.bindings().isEmpty()) {
        ObjectNode bs = o.putObject("bindings");
        r.bindings().forEach((k, v) -> bs.set(k, ValueJson.toNode(v)));
      }
    }
    return root;
  }
}

package io.tripline.core.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a JSON value the way Elastic's CloudTrail pipeline stringifies {@code requestParameters}
 * and friends: its Painless script calls {@code toString()} on the map the {@code json} processor
 * built, so objects read {@code {key=value, ...}} in {@link HashMap} order, lists {@code [a, b]},
 * strings unquoted. Reproducing that exactly keeps Tripline's ECS output identical to Elastic's.
 */
final class PainlessText {

  private PainlessText() {}

  static String of(JsonNode node) {
    return String.valueOf(toJava(node));
  }

  static Object toJava(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
        return map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        node.forEach(n -> list.add(toJava(n)));
        return list;
      }
      case STRING -> {
        return node.textValue();
      }
      case BOOLEAN -> {
        return node.booleanValue();
      }
      case NUMBER -> {
        if (node.isInt()) {
          return node.intValue();
        }
        if (node.isLong()) {
          return node.longValue();
        }
        if (node.isIntegralNumber()) {
          return node.bigIntegerValue();
        }
        return node.doubleValue();
      }
      default -> {
        return null;
      }
    }
  }
}

package io.tripline.core.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Elastic's pipeline first drops null and empty values recursively (null, "", and objects or arrays
 * left empty), so a field AWS logged as {@code null} never reaches the ECS document. Same here, on
 * a copy: the record itself is never changed.
 */
final class Pruning {

  private Pruning() {}

  /** A pruned deep copy of {@code node}, or {@code null} when nothing is left. */
  static JsonNode pruned(JsonNode node) {
    JsonNode copy = node.deepCopy();
    return drop(copy) ? null : copy;
  }

  /** Prunes {@code node} in place; true when {@code node} itself should go. */
  private static boolean drop(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return true;
    }
    if (node.isTextual()) {
      return node.textValue().isEmpty();
    }
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.fields();
      while (it.hasNext()) {
        if (drop(it.next().getValue())) {
          it.remove();
        }
      }
      return object.isEmpty();
    }
    if (node instanceof ArrayNode array) {
      Iterator<JsonNode> it = array.elements();
      while (it.hasNext()) {
        if (drop(it.next())) {
          it.remove();
        }
      }
      return array.isEmpty();
    }
    return false;
  }
}

package io.tripline.simulator.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges YAML trees for {@code include} and {@code vary}: objects merge key by key, anything else
 * (lists included) is replaced. Source positions travel with the nodes.
 */
public final class TreeMerge {

  private TreeMerge() {}

  /** Merges {@code overlay} (from {@code from}, at {@code fromPointer}) into {@code target} at {@code targetPointer}. */
  public static void merge(ObjectNode target, Map<String, SourceLocation> targetLocations, String targetPointer,
      JsonNode overlay, LocatedTree from, String fromPointer) {
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String tp = LocatedTree.child(targetPointer, e.getKey());
      String fp = LocatedTree.child(fromPointer, e.getKey());
      JsonNode existing = target.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue().isObject()) {
        merge(o, targetLocations, tp, e.getValue(), from, fp);
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
        targetLocations.keySet().removeIf(k -> k.equals(tp) || k.startsWith(tp + "/"));
        from.locations().forEach((k, v) -> {
          if (k.equals(fp) || k.startsWith(fp + "/")) {
            targetLocations.put(tp + k.substring(fp.length()), v);
          }
        });
      }
    }
  }
}

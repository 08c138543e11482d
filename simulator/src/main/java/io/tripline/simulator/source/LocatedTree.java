package io.tripline.simulator.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML document with the source position of every node, keyed by JSON pointer
 * ({@code /steps/0/call}). Trees merged from several files (includes, variants) keep each node's
 * own file.
 */
public record LocatedTree(JsonNode root, Map<String, SourceLocation> locations, String file) {

  public LocatedTree {
    locations = new HashMap<>(locations);
  }

  /** The position of the node at {@code pointer}, or of its nearest ancestor that has one. */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation l = locations.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return SourceLocation.start(file);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  public static String child(String pointer, String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}

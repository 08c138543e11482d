package io.tripline.simulator.template;

import com.fasterxml.jackson.databind.JsonNode;

/** What placeholders can read (variables) and call (generators) while one record is built. */
public interface TemplateScope {

  /** The value at {@code root.rest...}, or null when undefined. */
  JsonNode lookup(String root, String[] rest);

  /** A generated value ({@code hex:32}, {@code uuid}, {@code time:legacy+1h}, ...). */
  JsonNode generate(Expression.Generator generator);

  /** Follows {@code rest} into {@code node}; null when a step is missing. */
  static JsonNode walk(JsonNode node, String[] rest) {
    JsonNode n = node;
    for (String r : rest) {
      if (n == null) {
        return null;
      }
      n = n.isArray() && !r.isEmpty() && Character.isDigit(r.charAt(0)) ? n.get(Integer.parseInt(r)) : n.get(r);
    }
    return n;
  }
}

package io.tripline.cli.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.log.LogInventory;
import io.tripline.core.log.ReadProblem;
import io.tripline.core.log.ReadSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The machine summary of {@code tripline logs inspect --format json}; the shape is documented in
 * README.md ("CloudTrail logs (core)") and versioned by {@code schemaVersion}.
 */
final class InspectJsonView {

  static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper();

  ObjectNode document(ReadSummary read, LogInventory inventory, OriginCounts origins) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("filesRead", read.filesRead());
    root.put("recordsRead", read.recordsRead());
    root.put("recordsSkipped", read.recordsSkipped());
    root.put("digestFilesSkipped", read.digestFilesSkipped());
    ObjectNode range = root.putObject("timeRange");
    range.put("first", inventory.first().map(Object::toString).orElse(null));
    range.put("last", inventory.last().map(Object::toString).orElse(null));
    ArrayNode sources = root.putArray("eventSources");
    for (LogInventory.SourceCount s : inventory.eventSources()) {
      ObjectNode o = sources.addObject().put("eventSource", s.eventSource()).put("count", s.count());
      approximate(o, s.approximate());
      counts(o.putArray("eventNames"), "eventName", s.eventNames());
    }
    ArrayNode principals = root.putArray("principals");
    for (LogInventory.PrincipalCount p : inventory.principals()) {
      approximate(principals.addObject().put("name", p.name()).put("type", p.type()).put("arn", p.arn()).put("count", p.count()), p.approximate());
    }
    if (inventory.approximate()) {
      // past LogInventory.KEPT distinct values a list keeps only its most frequent ones
      root.put("approximate", true);
      ObjectNode distinct = root.putObject("distinct");
      distinct.putObject("principals").put("count", inventory.distinctPrincipals().count()).put("approximate", inventory.distinctPrincipals().approximate());
      distinct.putObject("sourceIPAddresses").put("count", inventory.distinctSourceIps().count()).put("approximate", inventory.distinctSourceIps().approximate());
      distinct.putObject("errorCodes").put("count", inventory.distinctErrorCodes().count()).put("approximate", inventory.distinctErrorCodes().approximate());
    }
    counts(root.putArray("sourceIPAddresses"), "sourceIPAddress", inventory.sourceIps());
    counts(root.putArray("errorCodes"), "errorCode", inventory.errorCodes());
    if (origins.present()) {
      ArrayNode byOrigin = root.putArray("origins");
      for (OriginCounts.Group g : origins.groups()) {
        ObjectNode o = byOrigin.addObject().put("origin", g.label()).put("count", g.count());
        if (!g.steps().isEmpty()) {
          ObjectNode st = o.putObject("steps");
          g.steps().forEach((k, v) -> st.put(k.replaceAll(" +", " "), v));
        }
      }
      root.put("notInManifest", origins.unknown());
    }
    ArrayNode problems = root.putArray("problems");
    for (ReadProblem p : read.problems()) {
      ObjectNode o = problems.addObject().put("file", p.file());
      putPositive(o, "line", p.line());
      putPositive(o, "column", p.column());
      if (p.recordIndex() >= 0) {
        o.put("recordIndex", p.recordIndex());
      }
      o.put("message", p.message());
    }
    return root;
  }

  void print(PrintWriter out, ReadSummary read, LogInventory inventory, OriginCounts origins) throws IOException {
    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document(read, inventory, origins)));
    out.flush();
  }

  private static void counts(ArrayNode array, String key, List<LogInventory.Count> counts) {
    for (LogInventory.Count c : counts) {
      approximate(array.addObject().put(key, c.value()).put("count", c.count()), c.approximate());
    }
  }

  /** Marks a count that is an upper bound rather than exact. */
  private static void approximate(ObjectNode o, boolean approximate) {
    if (approximate) {
      o.put("approximate", true);
    }
  }

  private static void putPositive(ObjectNode o, String key, int value) {
    if (value > 0) {
      o.put(key, value);
    }
  }
}

package io.tripline.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.Finding;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.Severity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as a SARIF 2.1.0 log: one run of the tool "tripline", each rule a
 * {@code reportingDescriptor} from its metadata, each finding a result at the rule's file with the
 * triggering eventIDs in its properties. Severity maps to SARIF levels (critical/high: error,
 * medium: warning, low/informational: note) and to {@code security-severity} for code scanning.
 */
public final class FindingsSarif {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private FindingsSarif() {}

  public static ObjectNode of(List<RuleInfo> rules, List<Finding> findings, String version) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode log = n.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "tripline");
    driver.put("version", version);
    driver.put("informationUri", "https://github.com/tripline/tripline");
    ArrayNode rs = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (RuleInfo r : rules) {
      index.put(r.id(), index.size());
      rs.add(descriptor(r));
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode res = results.addObject();
      res.put("ruleId", f.rule().id());
      Integer i = index.get(f.rule().id());
      if (i != null) {
        res.put("ruleIndex", i);
      }
      res.put("level", level(f.severity()));
      res.putObject("message").put("text", f.message());
      ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
      loc.putObject("artifactLocation").put("uri", artifactUri(f.rule().file()));
      ObjectNode props = res.putObject("properties");
      props.put("eventTime", f.trigger().eventTime().toString());
      props.put("principalArn", f.trigger().principalArn());
      props.put("sourceIPAddress", f.trigger().sourceIPAddress());
      ArrayNode ids = props.putArray("eventIDs");
      f.eventIDs().forEach(ids::add);
      res.putObject("partialFingerprints").put("tripline/v1", f.rule().id() + ":" + String.join(",", f.eventIDs()));
    }
    return log;
  }

  /**
   * A file as the URI reference SARIF's {@code artifactLocation.uri} must hold: the
   * {@code bundled:}/{@code classpath:} prefix dropped, separators as {@code /}, and every character
   * a URI path may not hold (spaces, {@code :}, {@code %}, non-ASCII, ...) percent-encoded as UTF-8,
   * so {@code rules/aws/a b.rego} is {@code rules/aws/a%20b.rego}; relative paths stay relative.
   */
  public static String artifactUri(String file) {
    String path = file.replaceFirst("^(bundled|classpath):", "").replace('\\', '/');
    StringBuilder b = new StringBuilder();
    for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=@".indexOf(c) >= 0)) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      }
    }
    return b.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A rule as a SARIF reportingDescriptor. */
  public static ObjectNode descriptor(RuleInfo r) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("id", r.id());
    d.put("name", r.packagePath().substring(r.packagePath().lastIndexOf('.') + 1));
    d.putObject("shortDescription").put("text", r.title());
    d.putObject("fullDescription").put("text", r.description().strip());
    StringBuilder help = new StringBuilder();
    if (!r.investigation().isEmpty()) {
      help.append("Investigation:\n");
      r.investigation().forEach(s -> help.append("- ").append(s).append('\n'));
    }
    if (!r.response().isEmpty()) {
      help.append("Response:\n");
      r.response().forEach(s -> help.append("- ").append(s).append('\n'));
    }
    if (!help.isEmpty()) {
      d.putObject("help").put("text", help.toString());
    }
    d.putObject("defaultConfiguration").put("level", level(r.severity()));
    ObjectNode props = d.putObject("properties");
    ArrayNode tags = props.putArray("tags");
    r.tags().forEach(tags::add);
    r.techniqueIds().forEach(t -> tags.add("external/mitre/attack/" + t));
    props.put("security-severity", securitySeverity(r.severity()));
    props.put("risk_score", r.riskScore());
    return d;
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      default -> "note";
    };
  }

  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      default -> "0.0";
    };
  }
}

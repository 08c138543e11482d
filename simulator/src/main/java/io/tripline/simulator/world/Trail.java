package io.tripline.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.template.Template;

/** One trail in the simulated account. Mutable: calls in a run change it (one instance per run). */
final class Trail {

  final String name;
  final String account;
  String homeRegion;
  boolean multiRegion;
  boolean includeGlobalServiceEvents;
  String bucket;
  String prefix;
  boolean logging;
  boolean logFileValidation;
  EventSelectors selectors;
  JsonNode insightSelectors;
  /** Why the trail stopped recording some events, for the run report (null while untouched). */
  String loggingChange;
  String selectorsChange;
  String deliveryChange;

  Trail(String name, String account, String homeRegion) {
    this.name = name;
    this.account = account;
    this.homeRegion = homeRegion;
    this.multiRegion = true;
    this.includeGlobalServiceEvents = true;
    this.prefix = "";
    this.logging = true;
    this.selectors = EventSelectors.defaults();
    this.insightSelectors = Template.NODES.arrayNode();
  }

  static Trail from(JsonNode spec, String account, String defaultRegion) {
    Trail t = new Trail(spec.path("name").asText(), account, spec.path("homeRegion").asText(defaultRegion));
    t.multiRegion = spec.path("multiRegion").asBoolean(true);
    t.includeGlobalServiceEvents = spec.path("includeGlobalServiceEvents").asBoolean(true);
    t.bucket = spec.path("bucket").asText();
    t.prefix = spec.path("prefix").asText("");
    t.logging = spec.path("logging").asBoolean(true);
    t.logFileValidation = spec.path("logFileValidation").asBoolean(false);
    if (spec.has("eventSelectors") || spec.has("advancedEventSelectors")) {
      t.selectors = EventSelectors.from(spec);
    }
    if (spec.has("insightSelectors")) {
      t.insightSelectors = spec.get("insightSelectors");
    }
    return t;
  }

  String arn() {
    return "arn:aws:cloudtrail:" + homeRegion + ":" + account + ":trail/" + name;
  }

  /** Where CloudTrail delivers this trail's log files: {@code [prefix/]AWSLogs/<account>/CloudTrail/}. */
  String logKeyPrefix() {
    return (prefix.isEmpty() ? "" : prefix + "/") + "AWSLogs/" + account + "/CloudTrail/";
  }

  /** The trail as template variables ({@code ${trail.bucket}}, ...). */
  ObjectNode asJson() {
    ObjectNode o = Template.NODES.objectNode();
    o.put("name", name);
    o.put("arn", arn());
    o.put("bucket", bucket);
    o.put("prefix", prefix);
    o.put("homeRegion", homeRegion);
    o.put("multiRegion", multiRegion);
    o.put("includeGlobalServiceEvents", includeGlobalServiceEvents);
    o.put("logging", logging);
    o.put("logFileValidationEnabled", logFileValidation);
    o.put("logKeyPrefix", logKeyPrefix());
    return o;
  }

  boolean coversRegion(EventFacts e) {
    if (e.globalService()) {
      return includeGlobalServiceEvents && (multiRegion || homeRegion.equals("us-east-1"));
    }
    return multiRegion || homeRegion.equals(e.region());
  }
}

package io.tripline.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.simulator.template.Template;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How successful calls change the account: one entry per effect name, referenced from the
 * catalog's {@code effect:} field. An effect returns an AWS error code when its target does not
 * exist (the call then fails as AWS would), or null.
 */
final class WorldEffects {

  /** The data an effect sees: the call's effective request parameters and a label for reports. */
  record Call(JsonNode params, String label) {
    String text(String field) {
      JsonNode v = params.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  interface Effect {
    String apply(World world, Call call);
  }

  private static final Map<String, Effect> TABLE = table();

  private WorldEffects() {}

  static Set<String> names() {
    return TABLE.keySet();
  }

  static Effect get(String name) {
    return TABLE.get(name);
  }

  private static Map<String, Effect> table() {
    Map<String, Effect> t = new TreeMap<>();
    t.put("trail.stopLogging", (w, c) -> onTrail(w, c, "name", trail -> {
      trail.logging = false;
      trail.loggingChange = c.label();
    }));
    t.put("trail.startLogging", (w, c) -> onTrail(w, c, "name", trail -> {
      trail.logging = true;
      trail.loggingChange = null;
    }));
    t.put("trail.delete", (w, c) -> onTrail(w, c, "name", trail -> {
      w.trails.remove(trail.name);
      w.removedTrails.put(trail.name, c.label());
    }));
    t.put("trail.update", (w, c) -> onTrail(w, c, "name", trail -> {
      if (c.text("s3BucketName") != null && !c.text("s3BucketName").equals(trail.bucket)) {
        trail.bucket = c.text("s3BucketName");
        trail.deliveryChange = c.label();
      }
      if (c.text("s3KeyPrefix") != null) {
        trail.prefix = c.text("s3KeyPrefix");
      }
      if (c.params().has("isMultiRegionTrail")) {
        trail.multiRegion = c.params().get("isMultiRegionTrail").asBoolean();
      }
      if (c.params().has("includeGlobalServiceEvents")) {
        trail.includeGlobalServiceEvents = c.params().get("includeGlobalServiceEvents").asBoolean();
      }
      if (c.params().has("enableLogFileValidation")) {
        trail.logFileValidation = c.params().get("enableLogFileValidation").asBoolean();
      }
    }));
    t.put("trail.create", (w, c) -> {
      Trail trail = new Trail(c.text("name"), w.account, w.region);
      trail.bucket = c.text("s3BucketName");
      trail.multiRegion = c.params().path("isMultiRegionTrail").asBoolean(false);
      trail.logFileValidation = c.params().path("enableLogFileValidation").asBoolean(false);
      trail.logging = false; // a new trail records nothing until StartLogging
      w.trails.put(trail.name, trail);
      w.changed(c.label());
      return null;
    });
    t.put("trail.putEventSelectors", (w, c) -> onTrail(w, c, "trailName", trail -> {
      trail.selectors = EventSelectors.from(c.params());
      trail.selectorsChange = c.label();
    }));
    t.put("trail.putInsightSelectors", (w, c) -> onTrail(w, c, "trailName", trail -> trail.insightSelectors = c.params().path("insightSelectors")));
    t.put("bucket.delete", (w, c) -> {
      if (w.buckets.remove(c.text("bucketName")) == null) {
        return "NoSuchBucket";
      }
      w.removedBuckets.put(c.text("bucketName"), c.label());
      return changed(w, c);
    });
    t.put("bucket.putPolicy", (w, c) -> onBucket(w, c, b -> {
      if (deniesCloudTrail(c.params().path("bucketPolicy"))) {
        b.deliveryBlocked = "the bucket policy set by " + c.label() + " denies cloudtrail.amazonaws.com";
      }
    }));
    t.put("bucket.deletePolicy", (w, c) -> onBucket(w, c, b -> b.deliveryBlocked = "the bucket policy that let CloudTrail write was deleted by " + c.label()));
    t.put("bucket.putLifecycle", (w, c) -> onBucket(w, c, b -> b.expirationDays = c.params().path("LifecycleConfiguration").path("Rule").path("Expiration").path("Days").asInt()));
    t.put("detector.delete", (w, c) -> w.detectors.remove(c.text("detectorId")) == null ? "BadRequestException" : changed(w, c));
    t.put("detector.update", (w, c) -> w.detectors.replace(c.text("detectorId"), c.params().path("enable").asBoolean(true)) == null ? "BadRequestException" : changed(w, c));
    t.put("config.stopRecorder", (w, c) -> w.configRecorders.replace(c.text("configurationRecorderName"), false) == null ? "NoSuchConfigurationRecorderException" : changed(w, c));
    t.put("config.deleteRecorder", (w, c) -> w.configRecorders.remove(c.text("configurationRecorderName")) == null ? "NoSuchConfigurationRecorderException" : changed(w, c));
    t.put("config.deleteDeliveryChannel", (w, c) -> !w.deliveryChannels.remove(c.text("deliveryChannelName")) ? "NoSuchDeliveryChannelException" : changed(w, c));
    t.put("logs.deleteGroup", (w, c) -> !w.logGroups.containsKey(c.text("logGroupName")) ? "ResourceNotFoundException" : removeLogGroup(w, c));
    t.put("logs.putRetention", (w, c) -> w.logGroups.containsKey(c.text("logGroupName")) ? putRetention(w, c) : "ResourceNotFoundException");
    t.put("events.disableRule", (w, c) -> w.eventRules.replace(c.text("name"), false) == null ? "ResourceNotFoundException" : changed(w, c));
    t.put("events.deleteRule", (w, c) -> w.eventRules.remove(c.text("name")) == null ? "ResourceNotFoundException" : changed(w, c));
    t.put("iam.createUser", (w, c) -> {
      if (!w.users.add(c.text("userName"))) {
        return "EntityAlreadyExistsException";
      }
      w.noted(c.label());
      return null;
    });
    t.put("iam.createAccessKey", (w, c) -> {
      w.accessKeys.computeIfAbsent(c.text("userName"), u -> new java.util.ArrayList<>()).add(c.label());
      w.noted(c.label());
      return null;
    });
    return Map.copyOf(t);
  }

  private static String removeLogGroup(World w, Call c) {
    w.logGroups.remove(c.text("logGroupName"));
    return changed(w, c);
  }

  private static String putRetention(World w, Call c) {
    w.logGroups.put(c.text("logGroupName"), c.params().path("retentionInDays").asInt());
    return changed(w, c);
  }

  private static String changed(World w, Call c) {
    w.changed(c.label());
    return null;
  }

  private static String onTrail(World w, Call c, String field, java.util.function.Consumer<Trail> change) {
    Trail trail = w.trail(c.text(field));
    if (trail == null) {
      return "TrailNotFoundException";
    }
    change.accept(trail);
    return changed(w, c);
  }

  private static String onBucket(World w, Call c, java.util.function.Consumer<World.Bucket> change) {
    World.Bucket b = w.buckets.get(c.text("bucketName"));
    if (b == null) {
      return "NoSuchBucket";
    }
    change.accept(b);
    return changed(w, c);
  }

  /** True when a statement denies the CloudTrail service principal (it can no longer deliver logs). */
  static boolean deniesCloudTrail(JsonNode policy) {
    JsonNode statements = policy.path("Statement");
    for (JsonNode s : statements.isArray() ? statements : Template.NODES.arrayNode().add(statements)) {
      if ("Deny".equals(s.path("Effect").asText()) && s.path("Principal").toString().contains("cloudtrail.amazonaws.com")) {
        return true;
      }
    }
    return false;
  }
}

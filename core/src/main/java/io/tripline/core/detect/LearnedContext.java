package io.tripline.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import java.util.TreeSet;

/**
 * What the logs themselves say about the account's trails: trail buckets, trail names and the KMS
 * keys that encrypt their logs, from
 * successful CreateTrail, UpdateTrail, DescribeTrails and GetTrail records. Records see what was
 * learned from the records before them ({@code input.tripline.learned}); with two passes, all of
 * it. Not thread-safe: the engine feeds it in record order.
 */
public final class LearnedContext {
  private final TreeSet<String> buckets = new TreeSet<>();
  private final TreeSet<String> trails = new TreeSet<>();
  private final TreeSet<String> keys = new TreeSet<>();
  private ObjectNode snapshot;

  /** A copy to go on learning from. */
  public LearnedContext copy() {
    LearnedContext c = new LearnedContext();
    c.buckets.addAll(buckets);
    c.trails.addAll(trails);
    c.keys.addAll(keys);
    return c;
  }

  /** Learns from one record; returns true if something new was learned. */
  public boolean observe(CloudTrailRecord r) {
    if (!"cloudtrail.amazonaws.com".equals(r.eventSource()) || r.errorCode() != null) {
      return false;
    }
    boolean changed = false;
    String name = r.eventName();
    if ("CreateTrail".equals(name) || "UpdateTrail".equals(name)) {
      changed |= add(buckets, r.requestParameters().path("s3BucketName"));
      changed |= add(buckets, r.responseElements().path("s3BucketName"));
      changed |= add(trails, r.responseElements().path("name"));
      changed |= add(trails, r.requestParameters().path("name"));
      changed |= addKey(r.requestParameters().path("kmsKeyId"));
      changed |= addKey(r.responseElements().path("kmsKeyId"));
    } else if ("DescribeTrails".equals(name) || "GetTrail".equals(name)) {
      JsonNode response = r.responseElements();
      for (JsonNode t : response.path("trailList")) {
        changed |= add(buckets, t.path("s3BucketName"));
        changed |= add(buckets, t.path("S3BucketName"));
        changed |= add(trails, t.path("name"));
        changed |= addKey(t.path("kmsKeyId"));
        changed |= addKey(t.path("KmsKeyId"));
      }
      JsonNode trail = response.path("trail");
      changed |= add(buckets, trail.path("s3BucketName"));
      changed |= add(buckets, trail.path("S3BucketName"));
      changed |= add(trails, trail.path("name"));
    }
    if (changed) {
      snapshot = null;
    }
    return changed;
  }

  private boolean addKey(JsonNode v) {
    return v != null && v.isTextual() && !v.textValue().isEmpty() && keys.add(v.textValue());
  }

  private static boolean add(TreeSet<String> set, JsonNode v) {
    return v != null && v.isTextual() && !v.textValue().isEmpty() && !v.textValue().startsWith("arn:") && set.add(v.textValue());
  }

  /** True until something was learned. */
  public boolean isEmpty() {
    return buckets.isEmpty() && trails.isEmpty() && keys.isEmpty();
  }

  /** {@code {"trail_buckets": [...], "trail_names": [...], "trail_kms_keys": [...]}}; the same object until something new is learned. */
  public ObjectNode snapshot() {
    if (snapshot == null) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      ArrayNode b = o.putArray("trail_buckets");
      buckets.forEach(b::add);
      ArrayNode t = o.putArray("trail_names");
      trails.forEach(t::add);
      ArrayNode k = o.putArray("trail_kms_keys");
      keys.forEach(k::add);
      snapshot = o;
    }
    return snapshot;
  }
}

package io.tripline.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated account during one run: trails and their buckets, GuardDuty detectors, Config
 * recorders, log groups, EventBridge rules, IAM principals. It decides what CloudTrail records,
 * and calls change it. One instance per run; never shared.
 */
public final class World {

  final String account;
  final String region;
  final Map<String, Trail> trails = new LinkedHashMap<>();
  final Map<String, String> removedTrails = new LinkedHashMap<>();
  final Map<String, Bucket> buckets = new LinkedHashMap<>();
  final Map<String, String> removedBuckets = new LinkedHashMap<>();
  final Map<String, Boolean> detectors = new LinkedHashMap<>();
  final Map<String, Boolean> configRecorders = new LinkedHashMap<>();
  final Set<String> deliveryChannels = new LinkedHashSet<>();
  final Map<String, Integer> logGroups = new LinkedHashMap<>();
  final Map<String, Boolean> eventRules = new LinkedHashMap<>();
  final Set<String> users = new LinkedHashSet<>();
  final Set<String> roles = new LinkedHashSet<>();
  final Map<String, List<String>> accessKeys = new LinkedHashMap<>();
  final List<String> kmsKeys = new ArrayList<>();
  final List<String> eventDataStores = new ArrayList<>();
  /** What changed, in order, for the run report. */
  final List<String> changes = new ArrayList<>();
  private ObjectNode variables;
  /** Recording decisions are values; the common "recorded by this one trail" is shared. */
  private final Map<String, Recording> recordedBy = new LinkedHashMap<>();

  /** A bucket; {@code deliveryBlocked} says why CloudTrail can no longer write to it. */
  static final class Bucket {
    final String name;
    String deliveryBlocked;
    Integer expirationDays;

    Bucket(String name) {
      this.name = name;
    }
  }

  World(String account, String region) {
    this.account = account;
    this.region = region;
  }

  public static World from(JsonNode spec, String account, String region) {
    World w = new World(account, region);
    for (JsonNode t : spec.path("trails")) {
      Trail trail = Trail.from(t, account, region);
      w.trails.put(trail.name, trail);
      w.buckets.computeIfAbsent(trail.bucket, Bucket::new);
    }
    spec.path("buckets").forEach(b -> w.buckets.computeIfAbsent(b.isTextual() ? b.asText() : b.path("name").asText(), Bucket::new));
    spec.path("guardDutyDetectors").forEach(d -> w.detectors.put(d.isTextual() ? d.asText() : d.path("id").asText(), d.path("enabled").asBoolean(true)));
    spec.path("configRecorders").forEach(r -> w.configRecorders.put(r.asText(), true));
    spec.path("deliveryChannels").forEach(r -> w.deliveryChannels.add(r.asText()));
    spec.path("logGroups").forEach(g -> w.logGroups.put(g.isTextual() ? g.asText() : g.path("name").asText(), g.path("retentionInDays").isInt() ? g.path("retentionInDays").asInt() : null));
    spec.path("eventRules").forEach(r -> w.eventRules.put(r.isTextual() ? r.asText() : r.path("name").asText(), r.path("enabled").asBoolean(true)));
    spec.path("users").forEach(u -> w.users.add(u.asText()));
    spec.path("roles").forEach(r -> w.roles.add(r.asText()));
    spec.path("kmsKeys").forEach(k -> w.kmsKeys.add(k.asText()));
    spec.path("eventDataStores").forEach(k -> w.eventDataStores.add(k.asText()));
    return w;
  }

  /** The effect names the catalog may use in {@code effect:}. */
  public static java.util.Set<String> effects() {
    return WorldEffects.names();
  }

  /** What changed, in order, for the run report. */
  public List<String> changes() {
    return List.copyOf(changes);
  }

  /**
   * Applies a catalog effect ({@code trail.stopLogging}, ...) of a successful call: null, or the
   * AWS error code the call fails with because its target does not exist.
   */
  public String apply(String effect, JsonNode params, String label) {
    return WorldEffects.get(effect).apply(this, new WorldEffects.Call(params, label));
  }

  /** The template variables of a trail named by name or ARN ({@code ${trails.NAME}}), or null. */
  public JsonNode trailVariables(String nameOrArn) {
    Trail t = trail(nameOrArn);
    return t == null ? null : variables().path("trails").path(t.name);
  }

  /** A trail by name or ARN, or null. */
  Trail trail(String nameOrArn) {
    if (nameOrArn == null) {
      return null;
    }
    int slash = nameOrArn.lastIndexOf("trail/");
    return trails.get(slash >= 0 ? nameOrArn.substring(slash + 6) : nameOrArn);
  }

  Trail primaryTrail() {
    return trails.isEmpty() ? null : trails.values().iterator().next();
  }

  /** Which trails record this event; when none, why not. */
  public Recording decide(EventFacts e) {
    if (trails.size() == 1 && removedTrails.isEmpty()) {
      Trail only = trails.values().iterator().next();
      String reason = rejection(only, e);
      return reason == null ? recordedBy.computeIfAbsent(only.name, n -> new Recording(List.of(n), List.of()))
          : new Recording(List.of(), List.of("trail " + only.name + ": " + reason));
    }
    List<String> by = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (Trail t : trails.values()) {
      String reason = rejection(t, e);
      if (reason == null) {
        by.add(t.name);
      } else {
        why.add("trail " + t.name + ": " + reason);
      }
    }
    removedTrails.forEach((name, note) -> why.add("trail " + name + ": deleted by " + note));
    if (trails.isEmpty() && removedTrails.isEmpty()) {
      why.add("the account has no trail");
    }
    return new Recording(List.copyOf(by), List.copyOf(why));
  }

  private String rejection(Trail t, EventFacts e) {
    if (!t.logging) {
      return "logging is off" + (t.loggingChange == null ? "" : " (stopped by " + t.loggingChange + ")");
    }
    if (!t.coversRegion(e)) {
      return e.globalService() ? "does not include global service events" : "single-region trail in " + t.homeRegion + " does not cover " + e.region();
    }
    String selector = t.selectors.rejection(e);
    if (selector != null) {
      return selector + (t.selectorsChange == null ? "" : " (selectors changed by " + t.selectorsChange + ")");
    }
    Bucket b = buckets.get(t.bucket);
    if (b == null) {
      String deleted = removedBuckets.get(t.bucket);
      if (deleted != null) {
        return "its bucket " + t.bucket + " was deleted by " + deleted + ", so log files cannot be delivered";
      }
      return "log files now go to " + t.bucket + ", which is not one of this account's buckets"
          + (t.deliveryChange == null ? "" : " (redirected by " + t.deliveryChange + ")");
    }
    if (b.deliveryBlocked != null) {
      return "log files cannot be delivered to " + t.bucket + ": " + b.deliveryBlocked;
    }
    return null;
  }

  /** What steps read as {@code ${world.*}}, {@code ${trail.*}} and {@code ${trails.NAME.*}}. */
  public ObjectNode variables() {
    if (variables != null) {
      return variables;
    }
    ObjectNode w = Template.NODES.objectNode();
    w.put("account", account);
    w.put("region", region);
    first(detectors.keySet()).ifPresent(v -> w.put("detectorId", v));
    first(configRecorders.keySet()).ifPresent(v -> w.put("configRecorderName", v));
    first(deliveryChannels).ifPresent(v -> w.put("deliveryChannelName", v));
    first(logGroups.keySet()).ifPresent(v -> w.put("logGroupName", v));
    first(eventRules.keySet()).ifPresent(v -> w.put("eventRuleName", v));
    first(kmsKeys).ifPresent(v -> w.put("kmsKeyArn", v));
    first(eventDataStores).ifPresent(v -> {
      w.put("eventDataStoreArn", v);
      w.put("eventDataStoreId", v.substring(v.lastIndexOf('/') + 1));
    });
    ObjectNode ts = w.putObject("trails");
    trails.values().forEach(t -> ts.set(t.name, t.asJson()));
    Trail p = primaryTrail();
    if (p != null) {
      w.set("trail", p.asJson());
    }
    variables = w;
    return w;
  }

  /** Called after every change so that later steps see the new state. */
  void changed(String what) {
    changes.add(what);
    variables = null;
  }

  /** A change that no {@code ${world.*}} or {@code ${trail.*}} variable shows (IAM principals). */
  void noted(String what) {
    changes.add(what);
  }

  private static java.util.Optional<String> first(Iterable<String> it) {
    var i = it.iterator();
    return i.hasNext() ? java.util.Optional.of(i.next()) : java.util.Optional.empty();
  }

  public record Recording(List<String> trails, List<String> reasons) {
    public boolean recorded() {
      return !trails.isEmpty();
    }
  }
}

package io.tripline.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS's service reference data (actions, their resource types, condition keys) for the services
 * Tripline knows, shipped as {@code service-reference.json} with its source and date (extracted by
 * {@code iam/scripts/extract-service-reference.mjs}).
 */
public final class ServiceReference {

  /**
   * One action.
   *
   * @param name the action's name as AWS spells it ({@code LookupEvents})
   * @param accessLevel List, Read, Write, Permissions management or Tagging
   * @param resourceTypes resource types the action supports; a name ending in {@code ?} is
   *     optional; an empty list means the action is granted only by {@code "Resource": "*"}
   */
  public record ActionInfo(String service, String name, String accessLevel, List<String> resourceTypes) {
    /** True when only {@code "Resource": "*"} grants the action (for example cloudtrail:LookupEvents). */
    public boolean wildcardResourceOnly() {
      return resourceTypes.isEmpty();
    }
  }

  private static final String RESOURCE = "/io/tripline/iam/service-reference.json";

  private final Map<String, Map<String, ActionInfo>> actions;
  private final Set<String> allPrefixes;
  private final Set<String> rcpServices;
  private final String source;
  private final String dataUpdatedAt;
  /** Lint verdicts per action pattern: thousands of requests repeat the same policies. */
  private final Map<String, Optional<String>> patternVerdicts = new java.util.concurrent.ConcurrentHashMap<>();

  private ServiceReference(Map<String, Map<String, ActionInfo>> actions, Set<String> allPrefixes, Set<String> rcpServices, String source, String dataUpdatedAt) {
    this.actions = actions;
    this.allPrefixes = allPrefixes;
    this.rcpServices = rcpServices;
    this.source = source;
    this.dataUpdatedAt = dataUpdatedAt;
  }

  /** The data shipped with Tripline. */
  public static ServiceReference bundled() {
    try (InputStream in = ServiceReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " on the classpath: rebuild the iam module");
      }
      return from(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static ServiceReference from(JsonNode root) {
    Map<String, Map<String, ActionInfo>> actions = new HashMap<>();
    root.get("services").fields().forEachRemaining(svc -> {
      Map<String, ActionInfo> byName = new HashMap<>();
      svc.getValue().get("actions").fields().forEachRemaining(a -> {
        List<String> types = new ArrayList<>();
        a.getValue().get("resourceTypes").forEach(t -> types.add(t.asText()));
        byName.put(a.getKey().toLowerCase(Locale.ROOT), new ActionInfo(svc.getKey(), a.getKey(), a.getValue().path("accessLevel").asText(), List.copyOf(types)));
      });
      actions.put(svc.getKey(), Map.copyOf(byName));
    });
    Set<String> prefixes = new HashSet<>();
    root.get("allServicePrefixes").forEach(p -> prefixes.add(p.asText()));
    Set<String> rcp = new HashSet<>();
    root.get("rcpSupportedServices").forEach(p -> rcp.add(p.asText()));
    return new ServiceReference(Map.copyOf(actions), Set.copyOf(prefixes), Set.copyOf(rcp), root.path("source").asText(), root.path("dataUpdatedAt").asText().substring(0, Math.min(10, root.path("dataUpdatedAt").asText().length())));
  }

  /** Where the data comes from (npm package and version). */
  public String source() {
    return source;
  }

  /** When AWS's data was last updated, as the source package records it. */
  public String dataUpdatedAt() {
    return dataUpdatedAt;
  }

  /** The action {@code service:Name} (any case), when its service is in the shipped slice and has it. */
  public Optional<ActionInfo> action(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    Map<String, ActionInfo> svc = actions.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
    return svc == null ? Optional.empty() : Optional.ofNullable(svc.get(action.substring(colon + 1).toLowerCase(Locale.ROOT)));
  }

  /** Whether the shipped slice lists every action of {@code service}, so an action missing from it is unknown. */
  public boolean coversService(String service) {
    return actions.containsKey(service.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code service} is any AWS service prefix. */
  public boolean isServicePrefix(String service) {
    return allPrefixes.contains(service.toLowerCase(Locale.ROOT));
  }

  /** Whether resource control policies apply to {@code service}. */
  public boolean supportsRcps(String service) {
    return rcpServices.contains(service.toLowerCase(Locale.ROOT));
  }

  /**
   * Why {@code action} (a request's action, no wildcards) looks wrong, or empty: an unknown
   * service prefix, or a name the service does not have.
   */
  public Optional<String> unknownAction(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return Optional.of("'" + action + "' is not service:Action");
    }
    String service = action.substring(0, colon);
    if (!isServicePrefix(service)) {
      return Optional.of("unknown service prefix '" + service + "' in '" + action + "'");
    }
    if (coversService(service) && action(action).isEmpty()) {
      return Optional.of("'" + action + "' is not an action of " + service.toLowerCase(Locale.ROOT) + " (AWS service reference, " + dataUpdatedAt + ")");
    }
    return Optional.empty();
  }

  /**
   * Why a policy's action pattern matches no known action, or empty. Patterns of services outside
   * the shipped slice are only checked for their prefix.
   */
  public Optional<String> unknownActionPattern(String pattern) {
    return patternVerdicts.computeIfAbsent(pattern, this::checkPattern);
  }

  private Optional<String> checkPattern(String pattern) {
    if (pattern.equals("*")) {
      return Optional.empty();
    }
    int colon = pattern.indexOf(':');
    String service = colon < 0 ? pattern : pattern.substring(0, colon).toLowerCase(Locale.ROOT);
    if (service.contains("*") || service.contains("?")) {
      return Optional.empty();
    }
    if (!isServicePrefix(service)) {
      return Optional.of("unknown service prefix '" + service + "' in '" + pattern + "'");
    }
    if (!coversService(service)) {
      return Optional.empty();
    }
    Glob glob = Glob.compile(pattern, Glob.Mode.ACTION);
    for (ActionInfo a : actions.get(service).values()) {
      if (glob.matches(service + ":" + a.name())) {
        return Optional.empty();
      }
    }
    return Optional.of("'" + pattern + "' matches no action of " + service + " (AWS service reference, " + dataUpdatedAt + ")");
  }
}

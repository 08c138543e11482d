package io.tripline.simulator.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS API catalog: how each API call ({@code service:Action}) appears in CloudTrail. The data
 * lives in {@code io/tripline/simulator/catalog/*.yaml}; this class only reads and looks up.
 */
public final class ApiCatalog {

  private final Map<String, ApiCall> calls;

  private ApiCatalog(Map<String, ApiCall> calls) {
    this.calls = Map.copyOf(calls);
    this.order = List.copyOf(calls.keySet());
  }

  private final List<String> order;

  /** The catalog shipped with Tripline. */
  public static ApiCatalog bundled() {
    return new ApiCatalog(new CatalogReader().readBundled());
  }

  /** All call names, {@code service:Action}, in catalog order. */
  public List<String> names() {
    return order;
  }

  public int size() {
    return calls.size();
  }

  /** One line per call for listings: name, eventSource, eventName, category, readOnly. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (String n : order) {
      ApiCall c = calls.get(n);
      out.add(String.join("\t", n, c.service().eventSource(), c.eventName(), c.eventType(), c.eventCategory(), c.readOnly() ? "read" : "write"));
    }
    return out;
  }

  public Optional<ApiCall> find(String name) {
    return Optional.ofNullable(calls.get(name));
  }

  /** Up to three known names closest to {@code name} (edit distance, case-insensitive). */
  public List<String> nearest(String name) {
    String lower = name.toLowerCase();
    return order.stream()
        .sorted(Comparator.comparingInt((String k) -> score(lower, k)).thenComparing(k -> k))
        .limit(3)
        .toList();
  }

  /** Edit distance, but a call whose event name or API name starts with what was typed comes first. */
  private int score(String typed, String key) {
    ApiCall c = calls.get(key);
    String service = key.substring(0, key.indexOf(':') + 1).toLowerCase();
    String eventKey = service + c.eventName().toLowerCase();
    if (typed.equals(eventKey)) {
      return 0;
    }
    if (key.toLowerCase().startsWith(typed) || typed.startsWith(key.toLowerCase())) {
      return 1;
    }
    return 2 + distance(typed, key.toLowerCase());
  }

  /** Levenshtein distance between two names. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

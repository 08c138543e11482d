package io.tripline.iam;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled wildcard patterns, kept per evaluator so that thousands of requests over the same
 * policies compile each pattern once. Patterns carrying literal positions (from variable
 * substitution) are compiled each time. Bounded: cleared when it grows past {@link #LIMIT}.
 */
final class GlobCache {

  private static final int LIMIT = 50_000;

  private final Map<String, Glob> actions = new ConcurrentHashMap<>();
  private final Map<String, Glob> resources = new ConcurrentHashMap<>();
  private final Map<String, Glob> strings = new ConcurrentHashMap<>();

  Glob action(String pattern) {
    return get(actions, pattern, Glob.Mode.ACTION);
  }

  Glob resource(String pattern) {
    return get(resources, pattern, Glob.Mode.RESOURCE_ARN);
  }

  Glob string(String pattern) {
    return get(strings, pattern, Glob.Mode.STRING);
  }

  private static Glob get(Map<String, Glob> map, String pattern, Glob.Mode mode) {
    Glob g = map.get(pattern);
    if (g == null) {
      if (map.size() > LIMIT) {
        map.clear();
      }
      g = Glob.compile(pattern, mode);
      map.put(pattern, g);
    }
    return g;
  }
}

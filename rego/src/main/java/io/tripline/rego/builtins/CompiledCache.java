package io.tripline.rego.builtins;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe cache of compiled patterns (regexes, globs, templates) owned by one
 * builtin table, so policies evaluated many times over many records compile each pattern once.
 * When full it starts over, as OPA's own bounded caches evict without order.
 */
final class CompiledCache<K, V> {
  private final int capacity;
  private final Function<K, V> compile;
  private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();

  CompiledCache(int capacity, Function<K, V> compile) {
    this.capacity = capacity;
    this.compile = compile;
  }

  /** The compiled value; compilation errors propagate and are not cached. */
  V get(K key) {
    V v = entries.get(key);
    if (v != null) {
      return v;
    }
    v = compile.apply(key);
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.putIfAbsent(key, v);
    return v;
  }
}

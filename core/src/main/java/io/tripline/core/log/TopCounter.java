package io.tripline.core.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts values in bounded memory: exact while there are at most {@code capacity} distinct values;
 * past that, the Space-Saving scheme keeps the {@code capacity} most frequent (a new value replaces
 * the least counted one and inherits its count as possible over-count), so frequent values keep
 * exact counts and the long tail is approximate. The number of distinct values is then estimated
 * with a HyperLogLog sketch (4096 registers, about 2% error).
 */
final class TopCounter<K> {

  /** One counted value: {@code count} may over-count by up to {@code error} (0: exact). */
  static final class Entry<K> {
    final K key;
    long count;
    final long error;
    private final long id;

    private Entry(K key, long count, long error, long id) {
      this.key = key;
      this.count = count;
      this.error = error;
      this.id = id;
    }
  }

  private static final int REGISTER_BITS = 12;

  private final int capacity;
  private final Map<K, Entry<K>> entries = new HashMap<>();
  private final TreeSet<Entry<K>> byCount =
      new TreeSet<>(Comparator.<Entry<K>>comparingLong(e -> e.count).thenComparingLong(e -> e.id));
  private final byte[] registers = new byte[1 << REGISTER_BITS];
  private long ids;
  private boolean overflowed;

  TopCounter(int capacity) {
    this.capacity = capacity;
  }

  void add(K key) {
    remember(key);
    Entry<K> e = entries.get(key);
    if (e != null) {
      byCount.remove(e);
      e.count++;
      byCount.add(e);
      return;
    }
    long inherited = 0;
    if (entries.size() >= capacity) {
      Entry<K> least = byCount.pollFirst();
      entries.remove(least.key);
      inherited = least.count;
      overflowed = true;
    }
    e = new Entry<>(key, inherited + 1, inherited, ids++);
    entries.put(key, e);
    byCount.add(e);
  }

  /** The kept values, most counted first. */
  List<Entry<K>> entries() {
    List<Entry<K>> out = new ArrayList<>(byCount);
    java.util.Collections.reverse(out);
    return out;
  }

  /** Whether every count is exact (never more than {@code capacity} distinct values). */
  boolean exact() {
    return !overflowed;
  }

  /** How many distinct values were added: exact while {@link #exact()}, else estimated. */
  long distinct() {
    if (!overflowed) {
      return entries.size();
    }
    int m = registers.length;
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += Math.pow(2, -r);
      if (r == 0) {
        zeros++;
      }
    }
    double estimate = 0.7213 / (1 + 1.079 / m) * m * m / sum;
    if (estimate <= 2.5 * m && zeros > 0) {
      estimate = m * Math.log((double) m / zeros);
    }
    return Math.max(entries.size(), Math.round(estimate));
  }

  private void remember(K key) {
    long h = hash(key.toString());
    int index = (int) (h >>> (64 - REGISTER_BITS));
    int rank = Long.numberOfLeadingZeros((h << REGISTER_BITS) | (1L << (REGISTER_BITS - 1))) + 1;
    if (rank > registers[index]) {
      registers[index] = (byte) rank;
    }
  }

  /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer so every bit depends on every byte. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}

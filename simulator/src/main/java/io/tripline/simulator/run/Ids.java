package io.tripline.simulator.run;

import java.util.SplittableRandom;

/**
 * The run's source of randomness: ids, jitter, byte counts. Seeded, so the same seed gives the
 * same output; one instance per run.
 */
public final class Ids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private final long seed;
  private final SplittableRandom random;

  public Ids(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** A random (version 4) UUID in CloudTrail's lower-case form. */
  String uuid() {
    long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] c = new char[36];
    int p = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        c[p++] = '-';
      }
      long word = i < 8 ? hi : lo;
      int b = (int) (word >>> (56 - 8 * (i % 8))) & 0xff;
      c[p++] = HEX[b >>> 4];
      c[p++] = HEX[b & 0xf];
    }
    return new String(c);
  }

  String hex(int n) {
    return draw(HEX, n, random);
  }

  /** Upper-case alphanumerics as in AWS key and principal ids (base32 alphabet). */
  String upper(int n) {
    return draw(UPPER, n, random);
  }

  String base64(int n) {
    return draw(B64, n, random);
  }

  public long between(long min, long max) {
    return min + random.nextLong(max - min + 1);
  }

  public double unit() {
    return random.nextDouble();
  }

  /**
   * An id that depends only on the seed and {@code key}, not on how many ids were drawn before:
   * an actor keeps its access key id for the whole run.
   */
  String stableUpper(String key, int n) {
    return draw(UPPER, n, new SplittableRandom(seed * 31 + key.hashCode() * 0x9E3779B97F4A7C15L));
  }

  public String stableHex(String key, int n) {
    return draw(HEX, n, new SplittableRandom(seed * 17 + key.hashCode() * 0x9E3779B97F4A7C15L));
  }

  private static String draw(char[] alphabet, int n, SplittableRandom r) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = alphabet[r.nextInt(alphabet.length)];
    }
    return new String(c);
  }
}

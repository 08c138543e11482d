package io.tripline.core.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * IPv4 ranges to autonomous systems, from ip-location-db's {@code asn-ipv4-num.csv}
 * ({@code start,end,asn,"organisation"}, ranges sorted and disjoint): binary search over three
 * arrays. Immutable and thread-safe.
 */
final class AsnTable {
  private final long[] start;
  private final long[] end;
  private final int[] asn;
  private final String[] org;

  private AsnTable(long[] start, long[] end, int[] asn, String[] org) {
    this.start = start;
    this.end = end;
    this.asn = asn;
    this.org = org;
  }

  record As(long number, String organisation) {}

  static AsnTable readGzip(InputStream in, String name) throws IOException {
    int n = 0;
    long[] s = new long[1 << 19];
    long[] e = new long[1 << 19];
    int[] a = new int[1 << 19];
    String[] o = new String[1 << 19];
    Map<String, String> orgs = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        int c1 = line.indexOf(',');
        int c2 = line.indexOf(',', c1 + 1);
        int c3 = line.indexOf(',', c2 + 1);
        if (c1 < 0 || c2 < 0 || c3 < 0) {
          throw new IOException(name + ":" + lineNo + ": expected start,end,asn,organisation");
        }
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
          e = Arrays.copyOf(e, n * 2);
          a = Arrays.copyOf(a, n * 2);
          o = Arrays.copyOf(o, n * 2);
        }
        try {
          s[n] = Long.parseLong(line, 0, c1, 10);
          e[n] = Long.parseLong(line, c1 + 1, c2, 10);
          a[n] = Integer.parseUnsignedInt(line, c2 + 1, c3, 10);
        } catch (NumberFormatException x) {
          throw new IOException(name + ":" + lineNo + ": not a number in \"" + line + "\"");
        }
        String org = line.substring(c3 + 1);
        if (org.length() >= 2 && org.startsWith("\"") && org.endsWith("\"")) {
          org = org.substring(1, org.length() - 1).replace("\"\"", "\"");
        }
        o[n] = orgs.computeIfAbsent(org, k -> k);
        n++;
      }
    }
    return new AsnTable(Arrays.copyOf(s, n), Arrays.copyOf(e, n), Arrays.copyOf(a, n), Arrays.copyOf(o, n));
  }

  /** The AS of an IPv4 address (as an unsigned number), or null. */
  As lookup(long ip) {
    int i = Arrays.binarySearch(start, ip);
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0 || ip > end[i]) {
      return null;
    }
    return new As(Integer.toUnsignedLong(asn[i]), org[i]);
  }

  int size() {
    return start.length;
  }
}

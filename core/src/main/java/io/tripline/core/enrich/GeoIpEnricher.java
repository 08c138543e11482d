package io.tripline.core.enrich;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maxmind.db.Reader;
import io.tripline.core.detect.Enricher;
import io.tripline.core.record.CloudTrailRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Country and autonomous system of {@code sourceIPAddress}, as {@code input.tripline.source}:
 * {@code {"country": "BG", "asn": 12345, "as_org": "…"}} (fields absent when unknown; nothing for
 * source addresses that are AWS service names). Sources are asked in order: the user's MaxMind DB
 * files first (GeoLite2/GeoIP2 Country, City or ASN, or any file with {@code country_code}), then
 * the bundled data. Thread-safe; lookups are cached per address.
 */
public final class GeoIpEnricher implements Enricher {
  private static final String BUNDLED_COUNTRY = "geo-whois-asn-country.mmdb";
  private static final String BUNDLED_ASN = "asn-ipv4-num.csv.gz";
  private static final int CACHE_LIMIT = 100_000;

  private final List<Reader> readers;
  private final CompletableFuture<AsnTable> asn;
  private final Map<String, ObjectNode> cache = new ConcurrentHashMap<>();

  private GeoIpEnricher(List<Reader> readers, CompletableFuture<AsnTable> asn) {
    this.readers = readers;
    this.asn = asn;
  }

  /** The bundled country and ASN data, after the user's MaxMind files (may be empty). */
  public static GeoIpEnricher load(List<Path> userFiles) throws IOException {
    return load(userFiles, true);
  }

  /**
   * As {@link #load(List)}; without {@code asnTable} the bundled ASN table is not read (the
   * country database and users' files still give what they hold), for libraries whose rules
   * never read {@code asn} or {@code as_org}.
   */
  public static GeoIpEnricher load(List<Path> userFiles, boolean asnTable) throws IOException {
    List<Reader> readers = new ArrayList<>();
    for (Path p : userFiles) {
      if (!Files.isRegularFile(p)) {
        throw new IOException(p + ": no such MaxMind DB file (give a .mmdb file such as GeoLite2-Country.mmdb)");
      }
      try {
        readers.add(new Reader(p.toFile(), Reader.FileMode.MEMORY_MAPPED));
      } catch (IOException | RuntimeException e) {
        throw new IOException(p + ": not a MaxMind DB file (" + e.getMessage() + ")", e);
      }
    }
    readers.add(bundledReader());
    // The ASN table takes a moment to read: it loads in the background while the caller goes on
    // (compiling rules, opening logs); the first lookup waits for it.
    CompletableFuture<AsnTable> asn = !asnTable ? null : CompletableFuture.supplyAsync(() -> {
      try (InputStream in = resource(BUNDLED_ASN)) {
        return AsnTable.readGzip(in, BUNDLED_ASN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return new GeoIpEnricher(List.copyOf(readers), asn);
  }

  private static Reader bundledReader() throws IOException {
    try (InputStream in = resource(BUNDLED_COUNTRY)) {
      return new Reader(in);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = GeoIpEnricher.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("the bundled enrichment data " + name + " is missing from the class path");
    }
    return in;
  }

  @Override
  public ObjectNode source(CloudTrailRecord record) {
    String ip = record.sourceIPAddress();
    if (ip == null) {
      return null;
    }
    ObjectNode hit = cache.get(ip);
    if (hit != null) {
      return hit.isEmpty() ? null : hit;
    }
    ObjectNode found = lookup(ip);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(ip, found == null ? JsonNodeFactory.instance.objectNode() : found);
    }
    return found;
  }

  /** The enrichment for one address, or null when it is not an address or nothing is known. */
  public ObjectNode lookup(String ip) {
    InetAddress a = IpAddresses.parse(ip);
    if (a == null) {
      return null;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Reader r : readers) {
      Map<?, ?> rec;
      try {
        rec = r.get(a, Map.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (rec == null) {
        continue;
      }
      if (!o.has("country")) {
        String cc = country(rec);
        if (cc != null) {
          o.put("country", cc);
        }
      }
      if (!o.has("asn") && rec.get("autonomous_system_number") instanceof Number n) {
        o.put("asn", n.longValue());
        if (rec.get("autonomous_system_organization") instanceof String org) {
          o.put("as_org", org);
        }
      }
    }
    if (!o.has("asn") && asn != null) {
      long v4 = IpAddresses.ipv4(a);
      AsnTable.As as = v4 >= 0 ? asn.join().lookup(v4) : null;
      if (as != null) {
        o.put("asn", as.number());
        o.put("as_org", as.organisation());
      }
    }
    return o.isEmpty() ? null : o;
  }

  private static String country(Map<?, ?> rec) {
    if (rec.get("country_code") instanceof String s) {
      return s;
    }
    if (rec.get("country") instanceof Map<?, ?> c && c.get("iso_code") instanceof String s) {
      return s;
    }
    if (rec.get("registered_country") instanceof Map<?, ?> c && c.get("iso_code") instanceof String s) {
      return s;
    }
    return null;
  }
}

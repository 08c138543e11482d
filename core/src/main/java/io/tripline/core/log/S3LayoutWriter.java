package io.tripline.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.core.record.CloudTrailRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes records as CloudTrail delivers them to S3: gzipped {@code {"Records":[...]}} files under
 * {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}, named
 * {@code <account>_CloudTrail_<region>_<yyyyMMdd'T'HHmm'Z'>_<random16>.json.gz}. Records are batched
 * per account ({@code recipientAccountId}), region ({@code awsRegion}) and 5-minute delivery window of
 * their {@code eventTime}; the file's time stamp and date folder are the end of the window (the
 * delivery time), and records inside a file are in {@code eventTime} order. The 16-character suffix
 * comes from a seeded generator, so the same records and seed give the same files.
 *
 * <p>Batches stay in memory until their window is {@value #FLUSH_LAG_WINDOWS} windows older than the
 * newest record seen (or the writer is closed), so time-ordered input is written with bounded memory.
 */
public final class S3LayoutWriter implements AutoCloseable {

  static final Duration WINDOW = Duration.ofMinutes(5);
  static final int FLUSH_LAG_WINDOWS = 3;
  /** Used when a record has no recipientAccountId nor userIdentity.accountId. */
  static final String UNKNOWN_ACCOUNT = "000000000000";
  /** Used when a record has no awsRegion; global services log in us-east-1. */
  static final String DEFAULT_REGION = "us-east-1";

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FOLDERS = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final Path root;
  private final SplittableRandom random;
  private final ObjectMapper mapper = new ObjectMapper();
  private final TreeMap<BatchKey, List<CloudTrailRecord>> batches = new TreeMap<>();
  private final List<Path> written = new ArrayList<>();
  private Instant newestWindow = Instant.MIN;

  /** Writes under {@code root} (the folder that will hold {@code AWSLogs/}). */
  public S3LayoutWriter(Path root, long seed) {
    this.root = root;
    this.random = new SplittableRandom(seed);
  }

  /** The batch a record goes to: account, region and the start of its 5-minute window. */
  record BatchKey(Instant windowStart, String account, String region) implements Comparable<BatchKey> {
    private static final Comparator<BatchKey> ORDER = Comparator.comparing(BatchKey::windowStart)
        .thenComparing(BatchKey::account).thenComparing(BatchKey::region);

    static BatchKey of(CloudTrailRecord r) {
      String account = r.recipientAccountId() != null ? r.recipientAccountId()
          : r.userIdentity().accountId() != null ? r.userIdentity().accountId() : UNKNOWN_ACCOUNT;
      String region = r.awsRegion() != null ? r.awsRegion() : DEFAULT_REGION;
      long window = WINDOW.getSeconds();
      Instant start = Instant.ofEpochSecond(Math.floorDiv(r.eventTime().getEpochSecond(), window) * window);
      return new BatchKey(start, account, region);
    }

    Instant delivery() {
      return windowStart.plus(WINDOW);
    }

    @Override
    public int compareTo(BatchKey o) {
      return ORDER.compare(this, o);
    }
  }

  public void write(CloudTrailRecord record) throws IOException {
    BatchKey key = BatchKey.of(record);
    batches.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    if (key.windowStart().isAfter(newestWindow)) {
      newestWindow = key.windowStart();
      flushOlderThan(newestWindow.minus(WINDOW.multipliedBy(FLUSH_LAG_WINDOWS)));
    }
  }

  public void writeAll(Iterable<CloudTrailRecord> records) throws IOException {
    for (CloudTrailRecord r : records) {
      write(r);
    }
  }

  /** The files written so far, in the order they were written. */
  public List<Path> filesWritten() {
    return List.copyOf(written);
  }

  /** Writes every remaining batch. */
  @Override
  public void close() throws IOException {
    flushOlderThan(Instant.MAX);
  }

  private void flushOlderThan(Instant limit) throws IOException {
    Iterator<Map.Entry<BatchKey, List<CloudTrailRecord>>> it = batches.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<BatchKey, List<CloudTrailRecord>> e = it.next();
      if (!e.getKey().windowStart().isBefore(limit)) {
        return;
      }
      writeFile(e.getKey(), e.getValue());
      it.remove();
    }
  }

  private void writeFile(BatchKey key, List<CloudTrailRecord> records) throws IOException {
    records.sort(Comparator.comparing(CloudTrailRecord::eventTime));
    Instant delivery = key.delivery();
    Path dir = root.resolve("AWSLogs").resolve(key.account()).resolve("CloudTrail").resolve(key.region())
        .resolve(FOLDERS.format(delivery));
    Files.createDirectories(dir);
    String name = key.account() + "_CloudTrail_" + key.region() + "_" + STAMP.format(delivery) + "_" + suffix() + ".json.gz";
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024);
        JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeArrayFieldStart("Records");
      for (CloudTrailRecord r : records) {
        mapper.writeTree(gen, r.json());
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    written.add(file);
  }

  private String suffix() {
    char[] c = new char[16];
    for (int i = 0; i < c.length; i++) {
      c[i] = SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length()));
    }
    return new String(c);
  }
}

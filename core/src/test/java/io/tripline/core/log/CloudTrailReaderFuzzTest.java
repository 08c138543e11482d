package io.tripline.core.log;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Any bytes, as plain text or gzipped (one or several members): the reader produces records or
 * reports problems, never throws. In {@code mvn verify} this runs over the committed inputs in
 * {@code CloudTrailReaderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} (the fuzz profile) it fuzzes.
 */
class CloudTrailReaderFuzzTest {

  /** A qualified Java class name, or one of Jackson's settings: an internal message leaking out. */
  private static final java.util.regex.Pattern INTERNALS =
      java.util.regex.Pattern.compile("(?:java|javax|com\\.fasterxml|org\\.yaml)\\.[a-z]+\\.|StreamReadConstraints|\\w+Exception:");

  @FuzzTest(maxDuration = "5m")
  void readsAnyInput(FuzzedDataProvider data) {
    int layout = data.consumeInt(0, 3);
    byte[] bytes = data.consumeRemainingAsBytes();
    byte[] input = switch (layout) {
      case 1 -> gzip(bytes);
      case 2 -> concat(gzip(bytes), gzip(bytes));
      case 3 -> concat(gzip(bytes), bytes);
      default -> bytes;
    };
    try (CloudTrailLogReader reader = CloudTrailLogReader.open("fuzz", new ByteArrayInputStream(input), ReadMode.SKIP_BAD_RECORDS)) {
      long n = 0;
      for (var r : reader) {
        if (r.eventTime() == null) {
          throw new AssertionError("a record without eventTime");
        }
        n++;
      }
      ReadSummary s = reader.summary();
      if (s.recordsRead() != n) {
        throw new AssertionError("summary counts " + s.recordsRead() + " records, iteration gave " + n);
      }
      for (ReadProblem p : s.problems()) {
        // what Jackson echoes of the input is quoted; outside quotes no Java class names or Jackson settings
        String d = p.message().replaceAll("'[^']*'|\"[^\"]*\"", "");
        if (INTERNALS.matcher(d).find()) {
          throw new AssertionError("a problem in Jackson's or Java's words: " + d);
        }
      }
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

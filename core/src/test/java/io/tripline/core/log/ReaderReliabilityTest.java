package io.tripline.core.log;

import static io.tripline.core.log.Samples.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: nothing silently lost or misread by the log reader. */
class ReaderReliabilityTest {

  @TempDir Path dir;

  private static String rec(int second, String name) {
    return "{\"eventTime\":\"2024-03-14T21:15:" + (10 + second) + "Z\",\"eventName\":\"" + name + "\"}";
  }

  private Samples.Read read(String fileName, String text) throws Exception {
    return readAll(ReadMode.SKIP_BAD_RECORDS, Samples.write(dir.resolve(fileName), text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> names(Samples.Read read) {
    return read.records().stream().map(r -> r.path("eventName").asText()).toList();
  }

  @Test
  void aJsonLineMissingItsClosingBracesIsOneSkippedRecordAndTheNextLineIsRead() throws Exception {
    String text = rec(0, "A") + "\n"
        + "{\"eventTime\":\"2024-03-14T21:15:11Z\",\"eventName\":\"B\",\"requestParameters\":{\"key\":\"a\"\n"
        + rec(2, "C") + "\n"
        + rec(3, "D") + "\n";
    Samples.Read read = read("lines.jsonl", text);

    assertThat(names(read)).containsExactly("A", "C", "D");
    assertThat(read.summary().recordsSkipped()).isEqualTo(1);
    assertThat(read.summary().problems()).singleElement()
        .satisfies(p -> assertThat(p.describe()).contains("lines.jsonl:2:").contains("skipped to the next line"));
  }

  @Test
  void aBrokenFirstJsonLineIsOneSkippedRecord() throws Exception {
    String text = "{\"eventTime\": nope, \"eventName\":\"A\"}\n" + rec(1, "B") + "\n" + rec(2, "C") + "\n";
    Samples.Read read = read("first.jsonl", text);

    assertThat(names(read)).containsExactly("B", "C");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void aFirstJsonLineMissingItsClosingBraceIsOneSkippedRecord() throws Exception {
    String text = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\"eventName\":\"A\"\n" + rec(1, "B") + "\n" + rec(2, "C") + "\n";
    Samples.Read read = read("first.jsonl", text);

    assertThat(names(read)).containsExactly("B", "C");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void everyMemberOfAMultiMemberGzipIsRead() throws Exception {
    byte[] both = concat(Samples.gzip((rec(0, "A") + "\n").getBytes(StandardCharsets.UTF_8)),
        Samples.gzip((rec(1, "B") + "\n" + rec(2, "C") + "\n").getBytes(StandardCharsets.UTF_8)));
    Samples.Read fromFile = readAll(ReadMode.SKIP_BAD_RECORDS, Samples.write(dir.resolve("two.json.gz"), both));
    assertThat(names(fromFile)).containsExactly("A", "B", "C");
    assertThat(fromFile.summary().problems()).isEmpty();

    // a pipe reports nothing available between members: every member must still be read
    InputStream pipe = new FilterInputStream(new ByteArrayInputStream(both)) {
      @Override
      public int available() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        return super.read(b, off, Math.min(len, 7));
      }
    };
    List<String> names = new ArrayList<>();
    try (CloudTrailLogReader reader = CloudTrailLogReader.open("-", pipe, ReadMode.SKIP_BAD_RECORDS)) {
      reader.forEach(r -> names.add(r.json().path("eventName").asText()));
      assertThat(reader.summary().problems()).isEmpty();
    }
    assertThat(names).containsExactly("A", "B", "C");
  }

  @Test
  void trailingGarbageAfterTheLastGzipMemberIsReportedAndTheRecordsAreKept() throws Exception {
    byte[] gz = concat(Samples.gzip((rec(0, "A") + "\n" + rec(1, "B") + "\n").getBytes(StandardCharsets.UTF_8)),
        "garbage!".getBytes(StandardCharsets.UTF_8));
    Path file = Samples.write(dir.resolve("tail.json.gz"), gz);
    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(names(read)).containsExactly("A", "B");
    assertThat(read.summary().problems()).singleElement()
        .satisfies(p -> assertThat(p.describe()).startsWith(file + ": ").contains("8 bytes after the last gzip member"));
  }

  @Test
  void aRecordWithASecondEventTimeIsReportedWithItsLocationNotResolved() throws Exception {
    String text = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\"eventName\":\"A\",\"eventTime\":\"2030-01-01T00:00:00Z\"}\n"
        + rec(1, "B") + "\n";
    Samples.Read read = read("dup.jsonl", text);

    assertThat(names(read)).containsExactly("B");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .startsWith(dir.resolve("dup.jsonl") + ":1:").contains("record #1").contains("duplicate key 'eventTime'").contains("/eventTime"));
  }

  @Test
  void aNestedDuplicateKeyInAPrettyPrintedArrayIsOneProblemAndTheRestIsRead() throws Exception {
    String text = "[\n  " + rec(0, "A") + ",\n  {\"eventTime\":\"2024-03-14T21:15:11Z\",\"eventName\":\"B\",\n"
        + "   \"requestParameters\":{\"bucketName\":\"a\",\"bucketName\":\"b\"}},\n  " + rec(2, "C") + "\n]\n";
    Samples.Read read = read("array.json", text);

    assertThat(names(read)).containsExactly("A", "C");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .contains("array.json:4:").contains("duplicate key 'bucketName'").contains("/requestParameters/bucketName"));
  }

  @Test
  void aSecondRecordsArrayIsReported() throws Exception {
    String text = "{\"Records\":[" + rec(0, "A") + "],\n\"Records\":[" + rec(1, "B") + "]}\n";
    Samples.Read read = read("two-records.json", text);

    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .contains("two-records.json:2:").contains("duplicate key 'Records'"));
  }

  @Test
  void eventsAndRecordsTogetherAreReported() throws Exception {
    String text = "{\"Records\":[" + rec(0, "A") + "],\n\"Events\":[]}\n";
    Samples.Read read = read("mixed.json", text);

    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .contains("mixed.json:2:").contains("both 'Records' and 'Events'"));
  }

  @Test
  void symlinkedDirectoriesAreFollowedLoopsAndDanglingLinksAreReported() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Samples.write(real.resolve("a.jsonl"), (rec(0, "A") + "\n").getBytes(StandardCharsets.UTF_8));
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("linked"), real);
    Files.createSymbolicLink(root.resolve("loop"), root);
    Files.createSymbolicLink(root.resolve("gone.json"), dir.resolve("missing.json"));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, root);

    assertThat(names(read)).containsExactly("A");
    assertThat(read.summary().problems()).extracting(ReadProblem::describe)
        .anySatisfy(d -> assertThat(d).startsWith(root.resolve("loop") + ": ").contains("loop"))
        .anySatisfy(d -> assertThat(d).startsWith(root.resolve("gone.json") + ": ").contains("dangling"));
  }

  @Test
  void tooDeepJsonIsALocatedProblemInOurWordsAndTheNextLineIsRead() throws Exception {
    String deep = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
    Samples.Read read = read("deep.jsonl", rec(0, "A") + "\n" + deep + "\n" + rec(2, "C") + "\n");

    assertThat(names(read)).containsExactly("A", "C");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .contains("deep.jsonl:2:").contains("nested deeper than 1000 levels").doesNotContain("StreamReadConstraints"));
  }

  @Test
  void aHugeNumberIsALocatedProblemInOurWords() throws Exception {
    String big = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\"x\":" + "9".repeat(5000) + "}";
    Samples.Read read = read("num.jsonl", rec(0, "A") + "\n" + big + "\n" + rec(2, "C") + "\n");

    assertThat(names(read)).containsExactly("A", "C");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .contains("num.jsonl:2:").contains("longer than 1000 digits").doesNotContain("StreamReadConstraints"));
  }

  @Test
  void nonUtf8BytesAreALocatedProblem() throws Exception {
    byte[] bad = concat((rec(0, "A") + "\n{\"eventTime\":\"2024-03-14T21:15:11Z\",\"eventName\":\"caf").getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xe9}, ("\"}\n" + rec(2, "C") + "\n").getBytes(StandardCharsets.UTF_8));
    Path file = Samples.write(dir.resolve("latin1.jsonl"), bad);
    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(names(read)).containsExactly("A", "C");
    assertThat(read.summary().problems()).singleElement().satisfies(p -> assertThat(p.describe())
        .startsWith(file + ":2:").contains("not UTF-8"));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}

package io.tripline.core.log;

import static io.tripline.core.log.Samples.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.core.record.CloudTrailRecord;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records read from every format and written back are the same records, field for field. */
class RoundTripTest {

  @TempDir Path dir;

  record Format(String name, String fileName, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Format> formats() throws Exception {
    return Stream.of(
        new Format("CloudTrail log file", "log.json", Samples.logFile()),
        new Format("gzipped CloudTrail log file", "log.json.gz", Samples.gzip(Samples.logFile())),
        new Format("JSON lines", "records.jsonl", Samples.jsonLines()),
        new Format("JSON array", "records.json", Samples.jsonArray()),
        new Format("lookup-events output", "lookup.json", Samples.lookupEvents()));
  }

  @ParameterizedTest(name = "{0} -> JSON lines -> reader")
  @MethodSource("formats")
  void jsonLinesWrittenBackReadTheSame(Format format) throws Exception {
    Path in = Samples.write(dir.resolve(format.fileName()), format.bytes());
    List<CloudTrailRecord> first;
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(List.of(in), ReadMode.STRICT)) {
      first = reader.stream().toList();
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter writer = JsonLinesWriter.records(out)) {
      writer.writeAll(first);
    }
    Path written = Samples.write(dir.resolve("out.jsonl"), out.toByteArray());

    List<JsonNode> again = readAll(ReadMode.STRICT, written).records();
    assertThat(again).containsExactlyElementsOf(Samples.records());
    assertThat(Samples.JSON.writeValueAsString(again.get(2)))
        .isEqualTo(Samples.JSON.writeValueAsString(Samples.records().get(2)));
    assertThat(new String(out.toByteArray())).hasLineCount(6);
  }

  @ParameterizedTest(name = "{0} -> S3 layout -> directory reader")
  @MethodSource("formats")
  void s3LayoutWrittenBackReadTheSame(Format format) throws Exception {
    Path in = Samples.write(dir.resolve(format.fileName()), format.bytes());
    Path bucket = dir.resolve("bucket");
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(List.of(in), ReadMode.STRICT);
        S3LayoutWriter writer = new S3LayoutWriter(bucket, 42)) {
      writer.writeAll(reader);
    }

    List<JsonNode> again = readAll(ReadMode.STRICT, bucket).records();

    assertThat(byEventId(again)).containsExactlyElementsOf(byEventId(Samples.records()));
  }

  @Test
  void theS3LayoutIsCloudTrailsFolderAndFileNaming() throws Exception {
    Path bucket = dir.resolve("bucket");
    try (S3LayoutWriter writer = new S3LayoutWriter(bucket, 7)) {
      writer.writeAll(Samples.cloudTrailRecords());
    }

    List<String> files = relativeFiles(bucket);

    // 5 batches: account 111122223333/us-east-1 in windows 20:55, 21:00, 21:15 (two records), 21:20;
    // account 444455556666/eu-west-1 in window 21:25. Names carry the delivery time (end of window).
    assertThat(files).hasSize(5).allSatisfy(f -> assertThat(f).matches(
        "AWSLogs/\\d{12}/CloudTrail/[a-z0-9-]+/2024/03/14/\\d{12}_CloudTrail_[a-z0-9-]+_20240314T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz"));
    assertThat(files).extracting(f -> f.replaceAll("_[A-Za-z0-9]{16}\\.json\\.gz$", ""))
        .containsExactlyInAnyOrder(
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14/111122223333_CloudTrail_us-east-1_20240314T2100Z",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14/111122223333_CloudTrail_us-east-1_20240314T2105Z",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14/111122223333_CloudTrail_us-east-1_20240314T2120Z",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14/111122223333_CloudTrail_us-east-1_20240314T2125Z",
            "AWSLogs/444455556666/CloudTrail/eu-west-1/2024/03/14/444455556666_CloudTrail_eu-west-1_20240314T2130Z");
    Path window2120 = bucket.resolve(files.stream().filter(f -> f.contains("T2120Z")).findFirst().orElseThrow());
    assertThat(readAll(ReadMode.STRICT, window2120).records())
        .extracting(r -> r.get("eventName").asText())
        .containsExactly("DescribeTrails", "GetObject");
  }

  @Test
  void theSameSeedGivesTheSameFilesAndAnotherSeedOtherNames() throws Exception {
    for (String run : List.of("a", "b", "c")) {
      try (S3LayoutWriter writer = new S3LayoutWriter(dir.resolve(run), run.equals("c") ? 8 : 7)) {
        writer.writeAll(Samples.cloudTrailRecords());
      }
    }

    assertThat(relativeFiles(dir.resolve("a"))).isEqualTo(relativeFiles(dir.resolve("b")));
    for (String f : relativeFiles(dir.resolve("a"))) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    assertThat(relativeFiles(dir.resolve("c"))).doesNotContainAnyElementsOf(relativeFiles(dir.resolve("a")));
  }

  @Test
  void aRecordJustBeforeMidnightIsDeliveredInTheNextDaysFolder() throws Exception {
    CloudTrailRecord late = CloudTrailRecord.of(Samples.records().get(0).deepCopy().put("eventTime", "2024-03-14T23:58:01Z"));
    try (S3LayoutWriter writer = new S3LayoutWriter(dir, 1)) {
      writer.write(late);
    }

    assertThat(relativeFiles(dir)).singleElement().asString()
        .startsWith("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/15/111122223333_CloudTrail_us-east-1_20240315T0000Z_");
  }

  @Test
  void timeOrderedInputIsWrittenAsItGoesNotOnlyAtClose() throws Exception {
    try (S3LayoutWriter writer = new S3LayoutWriter(dir, 1)) {
      CloudTrailRecord base = Samples.cloudTrailRecords().get(0);
      writer.write(base);
      writer.write(CloudTrailRecord.of(base.json().deepCopy().put("eventTime", "2024-03-14T22:15:10Z")));

      assertThat(writer.filesWritten()).hasSize(1);
    }
  }

  private static List<String> byEventId(List<? extends JsonNode> records) {
    return records.stream().sorted(Comparator.comparing(r -> r.get("eventID").asText())).map(JsonNode::toString).toList();
  }

  private static List<String> relativeFiles(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
  }
}

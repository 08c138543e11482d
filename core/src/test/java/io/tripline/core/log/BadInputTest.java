package io.tripline.core.log;

import static io.tripline.core.log.Samples.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

  @TempDir Path dir;

  @Test
  void aTruncatedGzipFileIsReportedWithFileAndPositionAndTheRecordsBeforeItAreKept() throws Exception {
    byte[] gz = Samples.gzip(Samples.jsonLines());
    Path file = Samples.write(dir.resolve("cut.json.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).isNotEmpty().hasSizeLessThan(6);
    assertThat(read.summary().recordsSkipped()).isEqualTo(1);
    ReadProblem problem = read.summary().problems().get(0);
    assertThat(problem.file()).isEqualTo(file.toString());
    assertThat(problem.line()).isPositive();
    assertThat(problem.describe())
        .startsWith(file + ":" + problem.line() + ":" + problem.column() + ": ")
        .contains("truncated")
        .contains("the rest of this file was not read");
  }

  @Test
  void invalidJsonNamesTheLineAndColumn() throws Exception {
    String text = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\"eventName\":\"ListBuckets\"}\n"
        + "{\"eventTime\":\"2024-03-14T21:15:11Z\",\"eventName\": ListBuckets}\n";
    Path file = Samples.write(dir.resolve("broken.jsonl"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).hasSize(1);
    assertThat(read.summary().problems()).singleElement()
        .satisfies(p -> {
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.column()).isPositive();
          assertThat(p.describe()).startsWith(file + ":2:" + p.column() + ": ").contains("Unrecognized token 'ListBuckets'");
        });
  }

  @Test
  void aBrokenLineInJsonLinesIsOneSkippedRecord() throws Exception {
    String text = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\"eventName\":\"ListBuckets\"}\n"
        + "{\"eventTime\":\"2024-03-14T21:15:11Z\",\"eventName\":\"GetObject\",\"requestParameters\":{\"key\":\"a\"\n"
        + "{\"eventTime\":\"2024-03-14T21:15:12Z\",\"eventName\" \"PutObject\"}\n"
        + "{\"eventTime\":\"2024-03-14T21:15:13Z\",\"eventName\":\"DeleteObject\"}\n";
    Path file = Samples.write(dir.resolve("lines.jsonl"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    // Line 2 lacks its closing braces and line 3 its colon: each line is its own skipped record.
    assertThat(read.records()).extracting(r -> r.get("eventName").asText()).containsExactly("ListBuckets", "DeleteObject");
    assertThat(read.summary().problems()).extracting(ReadProblem::describe).satisfiesExactly(
        p -> assertThat(p).startsWith(file + ":2:").contains("record #2").endsWith("; skipped to the next line"),
        p -> assertThat(p).startsWith(file + ":3:").contains("record #3").endsWith("; skipped to the next line"));
  }

  @Test
  void aBrokenLineAfterABrokenLineIsCountedOnItsOwnLine() throws Exception {
    String text = "{\"eventTime\":\"2024-03-14T21:15:10Z\"}\n"
        + "{\"eventTime\": nope}\n"
        + "{\"eventTime\": nope}\n"
        + "{\"eventTime\":\"2024-03-14T21:15:13Z\"}\n";
    Path file = Samples.write(dir.resolve("lines.jsonl"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).hasSize(2);
    assertThat(read.summary().problems()).extracting(ReadProblem::line).containsExactly(2, 3);
    assertThat(read.summary().problems()).extracting(ReadProblem::recordIndex).containsExactly(1L, 2L);
  }

  @Test
  void aPrettyPrintedRecordWithAnErrorEndsTheFileInsteadOfReportingEveryLine() throws Exception {
    String text = "{\"eventTime\":\"2024-03-14T21:15:10Z\",\n \"eventName\": broken,\n \"awsRegion\":\"us-east-1\"}\n";
    Path file = Samples.write(dir.resolve("pretty.json"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.summary().problems()).singleElement()
        .satisfies(p -> assertThat(p.describe()).startsWith(file + ":2:").endsWith("the rest of this file was not read"));
  }

  @Test
  void aTruncatedPlainFileIsAnEndOfInputError() throws Exception {
    byte[] log = Samples.logFile();
    Path file = Samples.write(dir.resolve("cut.json"), Arrays.copyOf(log, log.length - 40));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).hasSize(5);
    assertThat(read.summary().problems()).singleElement()
        .satisfies(p -> assertThat(p.describe()).contains(file.toString()).contains("end-of-input"));
  }

  @Test
  void aRecordThatIsNotAnObjectIsSkippedAndTheRestIsRead() throws Exception {
    String text = "{\"Records\":[\n"
        + "  {\"eventTime\":\"2024-03-14T21:15:10Z\",\"eventName\":\"ListBuckets\"},\n"
        + "  \"ListBuckets\",\n"
        + "  {\"eventTime\":\"2024-03-14T21:15:12Z\",\"eventName\":\"GetBucketAcl\"}\n"
        + "]}";
    Path file = Samples.write(dir.resolve("mixed.json"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).extracting(r -> r.get("eventName").asText()).containsExactly("ListBuckets", "GetBucketAcl");
    assertThat(read.summary().recordsSkipped()).isEqualTo(1);
    assertThat(read.summary().problems().get(0).describe())
        .isEqualTo(file + ":3:3: record #2: expected a JSON object (a CloudTrail record), found a string");
  }

  @Test
  void missingAndMalformedEventTimesNameTheRecord() throws Exception {
    String text = "[{\"eventName\":\"ListBuckets\"},\n"
        + " {\"eventTime\":\"14/03/2024 21:15\",\"eventName\":\"ListBuckets\"},\n"
        + " {\"eventTime\":1710450910,\"eventName\":\"ListBuckets\"},\n"
        + " {\"eventTime\":\"2024-03-14T21:15:10Z\",\"eventName\":\"ListBuckets\"}]";
    Path file = Samples.write(dir.resolve("times.json"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).hasSize(1);
    assertThat(read.summary().recordsSkipped()).isEqualTo(3);
    List<String> messages = read.summary().problems().stream().map(ReadProblem::describe).toList();
    assertThat(messages.get(0)).startsWith(file + ":1:2: record #1: ").contains("no eventTime");
    assertThat(messages.get(1)).startsWith(file + ":2:2: record #2: ").contains("\"14/03/2024 21:15\"").contains("ISO-8601");
    assertThat(messages.get(2)).startsWith(file + ":3:2: record #3: ").contains("must be a string");
  }

  @Test
  void aLookupEventsEntryWithoutAValidCloudTrailEventIsSkipped() throws Exception {
    String text = "{\"Events\":[\n"
        + " {\"EventId\":\"1\",\"CloudTrailEvent\":\"{\\\"eventTime\\\":\\\"2024-03-14T21:15:10Z\\\"\"},\n"
        + " {\"EventId\":\"2\"},\n"
        + " {\"EventId\":\"3\",\"CloudTrailEvent\":\"{\\\"eventTime\\\":\\\"2024-03-14T21:15:10Z\\\"}\"}\n"
        + "]}";
    Path file = Samples.write(dir.resolve("lookup.json"), text.getBytes(StandardCharsets.UTF_8));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, file);

    assertThat(read.records()).hasSize(1);
    assertThat(read.summary().problems()).extracting(ReadProblem::describe).containsExactly(
        file + ":2:2: record #1: CloudTrailEvent is not valid JSON (line 1, column 36 of the string): Unexpected end-of-input: expected close marker for Object",
        file + ":3:2: record #2: this lookup-events entry has no CloudTrailEvent string; was the output made with `aws cloudtrail lookup-events`?");
  }

  @Test
  void strictModeStopsAtTheFirstProblem() throws Exception {
    String text = "{\"eventName\":\"ListBuckets\"}\n{\"eventTime\":\"2024-03-14T21:15:10Z\"}\n";
    Path file = Samples.write(dir.resolve("strict.jsonl"), text.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> readAll(ReadMode.STRICT, file))
        .isInstanceOf(LogReadException.class)
        .hasMessageStartingWith(file + ":1:1: record #1: ")
        .satisfies(e -> assertThat(((LogReadException) e).problem().recordIndex()).isZero());
  }

  @Test
  void aPathThatDoesNotExistIsAUsageError() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> CloudTrailLogReader.open(List.of(missing), ReadMode.SKIP_BAD_RECORDS))
        .isInstanceOf(LogInputException.class)
        .hasMessage(missing + ": no such file or directory");
  }

  @Test
  void problemsInOneFileDoNotStopTheNextFile() throws Exception {
    Path bad = Samples.write(dir.resolve("a-bad.json"), "{\"Records\":[{\"eventTime\":".getBytes(StandardCharsets.UTF_8));
    Path good = Samples.write(dir.resolve("b-good.json.gz"), Samples.gzip(Samples.logFile()));

    Samples.Read read = readAll(ReadMode.SKIP_BAD_RECORDS, bad, good);

    assertThat(read.records()).hasSize(6);
    assertThat(read.summary().recordsSkipped()).isEqualTo(1);
    assertThat(read.summary().problems().get(0).file()).isEqualTo(bad.toString());
  }
}

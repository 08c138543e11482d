package io.tripline.core.log;

import static io.tripline.core.log.Samples.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailLogReaderTest {

  @TempDir Path dir;

  @Test
  void readsAPlainCloudTrailLogFile() throws Exception {
    Path file = Samples.write(dir.resolve("log.json"), Samples.logFile());

    Samples.Read read = readAll(ReadMode.STRICT, file);

    assertThat(read.records()).containsExactlyElementsOf(Samples.records());
    assertThat(read.summary().recordsRead()).isEqualTo(6);
    assertThat(read.summary().recordsSkipped()).isZero();
    assertThat(read.summary().filesRead()).isEqualTo(1);
  }

  @Test
  void detectsGzipByItsMagicBytesWhateverTheFileIsCalled() throws Exception {
    Path misnamed = Samples.write(dir.resolve("export.json"), Samples.gzip(Samples.logFile()));
    Path plainNamedGz = Samples.write(dir.resolve("plain.json.gz"), Samples.logFile());

    assertThat(readAll(ReadMode.STRICT, misnamed).records()).containsExactlyElementsOf(Samples.records());
    assertThat(readAll(ReadMode.STRICT, plainNamedGz).records()).containsExactlyElementsOf(Samples.records());
  }

  @Test
  void readsJsonLinesAnArrayAndASingleRecord() throws Exception {
    Path lines = Samples.write(dir.resolve("records.jsonl"), Samples.jsonLines());
    Path array = Samples.write(dir.resolve("records-array.json"), Samples.jsonArray());
    Path single = Samples.write(dir.resolve("one.json"),
        Samples.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Samples.records().get(2)));

    assertThat(readAll(ReadMode.STRICT, lines).records()).containsExactlyElementsOf(Samples.records());
    assertThat(readAll(ReadMode.STRICT, array).records()).containsExactlyElementsOf(Samples.records());
    assertThat(readAll(ReadMode.STRICT, single).records()).containsExactly(Samples.records().get(2));
  }

  @Test
  void readsTheRecordsEmbeddedInLookupEventsOutput() throws Exception {
    Path file = Samples.write(dir.resolve("lookup.json"), Samples.lookupEvents());

    Samples.Read read = readAll(ReadMode.STRICT, file);

    assertThat(read.records()).containsExactlyElementsOf(Samples.records());
  }

  @Test
  void findsTheEventsArrayAfterOtherTopLevelFields() throws Exception {
    String records = new String(Samples.lookupEvents(), java.nio.charset.StandardCharsets.UTF_8);
    String reordered = "{\"Marker\": \"abc\", " + records.substring(records.indexOf('{') + 1);
    Path file = Samples.write(dir.resolve("lookup-page-2.json"), reordered.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(readAll(ReadMode.STRICT, file).records()).containsExactlyElementsOf(Samples.records());
  }

  @Test
  void keepsEveryFieldInItsOriginalOrder() throws Exception {
    Path file = Samples.write(dir.resolve("log.json.gz"), Samples.gzip(Samples.logFile()));

    Samples.Read read = readAll(ReadMode.STRICT, file);

    for (int i = 0; i < read.records().size(); i++) {
      assertThat(Samples.JSON.writeValueAsString(read.records().get(i)))
          .isEqualTo(Samples.JSON.writeValueAsString(Samples.records().get(i)));
    }
  }

  @Test
  void walksAnS3LayoutTreeAndCountsDigestFilesWithoutReadingThem() throws Exception {
    Path logs = dir.resolve("bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14");
    Samples.write(logs.resolve("111122223333_CloudTrail_us-east-1_20240314T2120Z_kP3xW9qLmN2vB8rT.json.gz"),
        Samples.gzip(Samples.logFile()));
    Samples.write(logs.resolve("111122223333_CloudTrail_us-east-1_20240314T2125Z_Q8mZ2xV7bN4cR1tY.json.gz"),
        Samples.gzip(Samples.jsonLines()));
    Path digests = dir.resolve("bucket/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/14");
    Samples.write(digests.resolve("111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240314T215512Z.json.gz"),
        Samples.gzip(digest()));
    Samples.write(dir.resolve("bucket/README.txt"), "not a log".getBytes());

    Samples.Read read = readAll(ReadMode.STRICT, dir.resolve("bucket"));

    assertThat(read.records()).hasSize(12);
    assertThat(read.summary().filesRead()).isEqualTo(2);
    assertThat(read.summary().digestFilesSkipped()).isEqualTo(1);
  }

  @Test
  void recognisesADigestFileByItsContentToo() throws Exception {
    Path file = Samples.write(dir.resolve("some-download.json"), digest());

    Samples.Read read = readAll(ReadMode.STRICT, file);

    assertThat(read.records()).isEmpty();
    assertThat(read.summary().digestFilesSkipped()).isEqualTo(1);
    assertThat(read.summary().recordsSkipped()).isZero();
  }

  @Test
  void readsSeveralPathsInTheOrderGiven() throws Exception {
    Path a = Samples.write(dir.resolve("a.json"), Samples.JSON.writeValueAsBytes(Samples.records().get(5)));
    Path b = Samples.write(dir.resolve("b.json"), Samples.JSON.writeValueAsBytes(Samples.records().get(0)));

    assertThat(readAll(ReadMode.STRICT, a, b).records()).containsExactly(Samples.records().get(5), Samples.records().get(0));
  }

  @Test
  void readsAStreamSuchAsStandardInput() {
    try (CloudTrailLogReader reader = CloudTrailLogReader.open("<stdin>",
        new ByteArrayInputStream(Samples.gzip(Samples.logFile())), ReadMode.STRICT)) {
      List<CloudTrailRecord> records = reader.stream().toList();
      assertThat(records).extracting(CloudTrailRecord::eventName)
          .containsExactly("DescribeTrails", "GetObject", "UpdateTrail", "ConsoleLogin", "CreateAccessKey", "GetBucketAcl");
    }
  }

  private static byte[] digest() {
    return ("{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2024-03-14T20:55:12Z\","
        + "\"digestEndTime\":\"2024-03-14T21:55:12Z\",\"digestS3Bucket\":\"acme-org-cloudtrail-logs\","
        + "\"digestS3Object\":\"AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/14/111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240314T215512Z.json.gz\","
        + "\"digestPublicKeyFingerprint\":\"9f3a1c7e2b5d8f4a6c1e9b3d7f2a5c8e\",\"digestSignatureAlgorithm\":\"SHA256withRSA\","
        + "\"newestEventTime\":\"2024-03-14T21:25:12Z\",\"oldestEventTime\":\"2024-03-14T20:58:31Z\","
        + "\"previousDigestS3Bucket\":\"acme-org-cloudtrail-logs\",\"previousDigestHashValue\":\"3a7f\","
        + "\"previousDigestHashAlgorithm\":\"SHA-256\",\"previousDigestSignature\":\"6e2b\",\"logFiles\":[]}").getBytes();
  }
}

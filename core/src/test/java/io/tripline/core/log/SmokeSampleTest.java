package io.tripline.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code core/target/smoke-logs}: the sample records in the S3 layout plus a digest file.
 * {@code .ci/run} runs {@code ./tripline logs inspect} on it after {@code mvn -B verify}.
 */
class SmokeSampleTest {

  @Test
  void writesTheSampleTreeThatCiInspects() throws Exception {
    Path root = Path.of("target", "smoke-logs");
    try (S3LayoutWriter writer = new S3LayoutWriter(root, 2024)) {
      writer.writeAll(Samples.cloudTrailRecords());
    }
    Samples.write(root.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/14/"
        + "111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240314T215512Z.json.gz"), Samples.gzip("{}".getBytes()));

    Samples.Read read = Samples.readAll(ReadMode.STRICT, root);

    assertThat(read.records()).hasSize(6);
    assertThat(read.summary().digestFilesSkipped()).isEqualTo(1);
    assertThat(Files.isDirectory(root.resolve("AWSLogs/444455556666/CloudTrail/eu-west-1/2024/03/14"))).isTrue();
  }
}

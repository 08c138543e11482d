package io.tripline.cli.detect;

import io.tripline.cli.CommandTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.opa.DataApiServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tripline detect --engine opa` against the Data API server on an ephemeral loopback port. */
class DetectEngineOptionTest extends CommandTest {
  @TempDir Path dir;
  static String record(String time, String source, String name, String id, String params) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
        + "\"arn\":\"arn:aws:iam::123456789012:user/dev_user\",\"accountId\":\"123456789012\",\"userName\":\"dev_user\"},"
        + "\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.77\",\"userAgent\":\"aws-cli/2.15.30\","
        + "\"requestParameters\":" + params + ",\"responseElements\":" + params + ",\"eventID\":\"" + id + "\","
        + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"123456789012\"}";
  }

  Path logs() throws Exception {
    String key = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z.json.gz";
    Path f = dir.resolve("records.json");
    Files.writeString(f, "{\"Records\":["
        + record("2024-03-14T21:15:10Z", "cloudtrail.amazonaws.com", "DescribeTrails", "e1", "{\"includeShadowTrails\":true}") + ","
        + record("2024-03-14T21:16:00Z", "cloudtrail.amazonaws.com", "UpdateTrail", "e2",
            "{\"name\":\"company-trail\",\"s3BucketName\":\"elsewhere\"}") + ","
        + record("2024-03-14T21:19:15Z", "s3.amazonaws.com", "GetObject", "e3",
            "{\"bucketName\":\"company-cloudtrail-logs\",\"key\":\"" + key + "\"}")
        + "]}");
    return f;
  }

  @Test
  void opaEngineGivesTheEmbeddedFindings() throws Exception {
    Path logs = logs();
    assertThat(run("detect", "--format", "json", logs.toString())).isZero();
    JsonNode embedded = new ObjectMapper().readTree(out.toString());
    assertThat(embedded.path("findings").size()).isGreaterThanOrEqualTo(2);
    PolicyFiles files = PolicyFiles.bundled(getClass().getClassLoader());
    try (DataApiServer opa = DataApiServer.start(RuleLibrary.compile(files).policy(),
        new InetSocketAddress("127.0.0.1", 0), 2, m -> {})) {
      int code = run("detect", "--format", "json", "--engine", "opa", "--opa-url", opa.url().toString(), logs.toString());
      assertThat(err.toString()).isEmpty();
      assertThat(code).isZero();
      assertThat(new ObjectMapper().readTree(out.toString())).isEqualTo(embedded);
    }
  }

  @Test
  void anUnreachableOpaIsOneClearLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(run("detect", "--engine", "opa", "--opa-url", "http://127.0.0.1:" + port, logs().toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("tripline detect: cannot reach OPA at http://127.0.0.1:" + port)
        .contains("Is OPA running?").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void opaUrlMistakesAreUsageErrors() throws Exception {
    Path logs = logs();
    assertThat(run("detect", "--opa-url", "http://127.0.0.1:8181", logs.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--opa-url needs --engine opa");
    assertThat(run("detect", "--engine", "opa", "--opa-url", "127.0.0.1:8181", logs.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("must start with http://");
  }
}

package io.tripline.cli.coverage;

import io.tripline.cli.CommandTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.opa.DataApiServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `tripline coverage --engine opa`: the same library on `tripline serve`'s Data API server (an
 * ephemeral loopback port, the bundled library with the batch package and the company context)
 * gives the embedded engine's coverage result.
 */
class CoverageEngineOptionTest extends CommandTest {
  static final String[] RUN = {"coverage", "soc-2024-219-cloudtrail-log-enumeration/cli-keys", "cloudtrail-log-delivery-redirected",
      "cloudtrail-update-trail-change-management", "cloudtrail-stop-logging", "--data", CoverageCommandTest.company().toString(),
      "--baseline", "developer:300", "--baseline", "security-auditor:150", "--no-enrich", "--format", "json"};

  static JsonNode withoutTiming(String json) throws Exception {
    ObjectNode o = (ObjectNode) new ObjectMapper().readTree(json);
    ((ObjectNode) o.path("summary")).remove("elapsedMillis");
    return o;
  }

  @Test
  void opaEngineGivesTheEmbeddedCoverage() throws Exception {
    int embeddedCode = run(RUN);
    assertThat(embeddedCode).as(err.toString()).isZero();
    JsonNode embedded = withoutTiming(out.toString());
    assertThat(embedded.path("summary").path("stepsCaught").asInt()).isGreaterThan(3);
    assertThat(embedded.path("summary").path("falsePositives").asInt()).isGreaterThanOrEqualTo(0);

    PolicyFiles served = PolicyFiles.bundled(getClass().getClassLoader()).withData(List.of(CoverageCommandTest.company()));
    assertThat(served.modules().keySet()).anyMatch(k -> k.endsWith("lib/opa_batch.rego"));
    try (DataApiServer opa = DataApiServer.start(RuleLibrary.compile(served).policy(), new InetSocketAddress("127.0.0.1", 0), 2, m -> {})) {
      String[] args = java.util.Arrays.copyOf(RUN, RUN.length + 4);
      System.arraycopy(new String[] {"--engine", "opa", "--opa-url", opa.url().toString()}, 0, args, RUN.length, 4);
      int code = run(args);
      assertThat(err.toString()).isEmpty();
      assertThat(code).isEqualTo(embeddedCode);
      assertThat(withoutTiming(out.toString())).isEqualTo(embedded);
    }
  }

  @Test
  void anUnreachableOpaIsOneClearLineAndExit2() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    int code = run("coverage", "cloudtrail-delete-trail", "--baseline", "developer:20", "--no-enrich",
        "--engine", "opa", "--opa-url", "http://127.0.0.1:" + port);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("127.0.0.1:" + port).contains("Is OPA running?").doesNotContain("Exception");
    assertThat(err.toString().lines().count()).isEqualTo(1);
  }

  @Test
  void opaUrlWithoutTheOpaEngineIsAUsageError() {
    assertThat(run("coverage", "cloudtrail-delete-trail", "--opa-url", "http://127.0.0.1:8181")).isEqualTo(2);
    assertThat(err.toString()).contains("--opa-url needs --engine opa");
  }
}

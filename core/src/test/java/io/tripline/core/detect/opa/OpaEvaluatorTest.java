package io.tripline.core.detect.opa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RecordEvaluator.BatchVerdict;
import io.tripline.core.detect.RecordVerdict;
import io.tripline.core.detect.RuleInfo;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OPA-server engine against WireMock stubs that answer as OPA's REST API documents. */
class OpaEvaluatorTest {
  static final String BATCH = "/v1/data/tripline/opa/batch";
  static RuleLibrary library;
  WireMockServer opa;

  @BeforeAll
  static void compile() throws Exception {
    library = RuleLibrary.compile(PolicyFiles.fromPaths(List.of(rulesDir())));
  }

  static Path rulesDir() throws Exception {
    return Path.of(OpaEvaluatorTest.class.getResource("/io/tripline/core/detect/opa/rules").toURI());
  }

  @BeforeEach
  void start() {
    opa = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    opa.start();
  }

  @AfterEach
  void stop() {
    opa.stop();
  }

  OpaEvaluator evaluator() throws DetectionException {
    return evaluator(URI.create("http://127.0.0.1:" + opa.port()));
  }

  static OpaEvaluator evaluator(URI url) throws DetectionException {
    return new OpaEvaluator(library, OpaSettings.defaults(url).retries(3, Duration.ofMillis(10)));
  }

  static Value record(String id, String name) {
    return ValueJson.parseJson("{\"eventID\": \"" + id + "\", \"eventName\": \"" + name + "\", "
        + "\"userIdentity\": {\"arn\": \"arn:aws:iam::123456789012:user/admin\"}, \"requestParameters\": {\"name\": \"t\"}}");
  }

  RuleInfo rule(String id) {
    return library.rule(id).orElseThrow();
  }

  @Test
  void mapsEachRecordsVerdictBackToTheRules() throws Exception {
    opa.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson("""
        {"result": [
          {"alerts": {"tripline.rules.test.engine.stop": [{"message": "b"}, {"message": "a"}]},
           "matched": ["tripline.rules.test.engine.burst", "tripline.rules.test.engine.newip"]},
          {"alerts": {}, "matched": []}
        ]}""")));
    try (OpaEvaluator e = evaluator()) {
      List<RecordVerdict> v = e.evaluate(List.of(record("e1", "StopLogging"), record("e2", "ListUsers")));
      assertThat(v).hasSize(2);
      assertThat(v.get(0).alerts()).containsOnlyKeys(rule("T-REC-1"));
      assertThat(v.get(0).alerts().get(rule("T-REC-1")))
          .containsExactly(ValueJson.parseJson("{\"message\": \"a\"}"), ValueJson.parseJson("{\"message\": \"b\"}"));
      assertThat(v.get(0).matched()).containsExactly(rule("T-NEW-1"), rule("T-THR-1"));
      assertThat(v.get(1)).isEqualTo(RecordVerdict.NONE);
    }
    opa.verify(1, postRequestedFor(urlEqualTo(BATCH))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(matchingJsonPath("$.input.records[0].eventName", equalTo("StopLogging")))
        .withRequestBody(matchingJsonPath("$.input.records[1].eventID", equalTo("e2"))));
  }

  @Test
  void aMissingResultNamesTheDocumentAndTheWrapperPackage() throws Exception {
    opa.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson("{}")));
    try (OpaEvaluator e = evaluator()) {
      assertThatThrownBy(() -> e.evaluate(List.of(record("e1", "StopLogging"))))
          .isInstanceOf(DetectionException.class)
          .hasMessageContaining("http://127.0.0.1:" + opa.port())
          .hasMessageContaining("no document at data.tripline.opa.batch")
          .hasMessageContaining("lib/opa_batch.rego")
          .hasMessageContaining("opa run --server");
    }
  }

  @Test
  void anErrorBodyShowsCodeMessageAndEachLocation() throws Exception {
    opa.stubFor(post(urlEqualTo(BATCH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"code": "invalid_parameter", "message": "error(s) occurred while compiling module(s)",
             "errors": [{"code": "rego_unsafe_var_error", "message": "var x is unsafe",
                         "location": {"file": "rules/aws/iam/x.rego", "row": 3, "col": 1}}]}""")));
    try (OpaEvaluator e = evaluator()) {
      assertThatThrownBy(() -> e.evaluate(List.of(record("e1", "StopLogging"))))
          .isInstanceOf(DetectionException.class)
          .hasMessageContaining("OPA at http://127.0.0.1:" + opa.port() + " refused POST /v1/data/tripline/opa/batch")
          .hasMessageContaining("HTTP 400 invalid_parameter: error(s) occurred while compiling module(s)")
          .hasMessageContaining("rules/aws/iam/x.rego:3:1: rego_unsafe_var_error: var x is unsafe");
    }
    opa.verify(1, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void aServerErrorIsRetriedWithBackoff() throws Exception {
    opa.stubFor(post(urlEqualTo(BATCH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody("{\"code\": \"internal_error\", \"message\": \"storage is busy\"}"))
        .willSetStateTo("recovered"));
    opa.stubFor(post(urlEqualTo(BATCH)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"result\": [{\"alerts\": {}, \"matched\": [\"tripline.rules.test.engine.burst\"]}]}")));
    try (OpaEvaluator e = evaluator()) {
      List<RecordVerdict> v = e.evaluate(List.of(record("e1", "ListUsers")));
      assertThat(v.get(0).matched()).containsExactly(rule("T-THR-1"));
    }
    opa.verify(2, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void persistentServerErrorsEndInOneMessage() throws Exception {
    opa.stubFor(post(urlEqualTo(BATCH)).willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
    try (OpaEvaluator e = evaluator()) {
      assertThatThrownBy(() -> e.evaluate(List.of(record("e1", "ListUsers"))))
          .isInstanceOf(DetectionException.class)
          .hasMessageContaining("HTTP 503 (\"upstream unavailable\")")
          .hasMessageContaining("tried 3 times");
    }
    opa.verify(3, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void anUnreachableServerNamesTheUrlAndHowToStartOpa() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (OpaEvaluator e = evaluator(URI.create("http://127.0.0.1:" + port))) {
      assertThatThrownBy(() -> e.evaluate(List.of(record("e1", "ListUsers"))))
          .isInstanceOf(DetectionException.class)
          .hasMessageContaining("cannot reach OPA at http://127.0.0.1:" + port + ": connection refused")
          .hasMessageContaining("Is OPA running? Start it with `opa run --server")
          .hasMessageContaining("tried 3 times");
    }
  }

  @Test
  void aRecordOpaCannotEvaluateCarriesTheErrorAndTheOthersStillRun() throws Exception {
    opa.stubFor(post(urlEqualTo(BATCH)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.input.records[?(@.eventID == 'bad')]"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
            {"code": "internal_error", "message": "error(s) occurred while evaluating query",
             "errors": [{"code": "eval_conflict_error", "message": "complete rules must not produce multiple outputs",
                         "location": {"file": "rules/aws/iam/x.rego", "row": 7, "col": 1}}]}""")));
    opa.stubFor(post(urlEqualTo(BATCH)).atPriority(2).willReturn(okJson("""
        {"result": [{"alerts": {"tripline.rules.test.engine.stop": [{"message": "stopped"}]}, "matched": []}]}""")));
    try (OpaEvaluator e = evaluator()) {
      List<RecordVerdict> v = e.evaluate(List.of(record("good", "StopLogging"), record("bad", "StopLogging")));
      assertThat(v.get(0).error()).isNull();
      assertThat(v.get(0).alerts()).containsOnlyKeys(rule("T-REC-1"));
      assertThat(v.get(1).error()).isEqualTo("rules/aws/iam/x.rego:7: eval_conflict_error: complete rules must not produce multiple outputs");
      assertThat(v.get(1).alerts()).isEmpty();
    }
    // the batch, then each record alone; evaluation errors are not retried
    opa.verify(3, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void aCorrelationBatchGoesToTheRulesOwnAlert() throws Exception {
    String path = "/v1/data/tripline/rules/test/engine/burst/alert";
    opa.stubFor(post(urlEqualTo(path)).willReturn(okJson("{\"result\": [{\"message\": \"5 denied calls\", \"first\": \"e1\"}]}")));
    Value batch = ValueJson.parseJson("{\"records\": [{\"eventID\": \"e1\"}], \"group\": {}, \"window\": {}}");
    try (OpaEvaluator e = evaluator()) {
      BatchVerdict v = e.alerts(rule("T-THR-1"), batch);
      assertThat(v.error()).isNull();
      assertThat(v.alerts()).containsExactly(ValueJson.parseJson("{\"message\": \"5 denied calls\", \"first\": \"e1\"}"));
    }
    opa.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.input.records[0].eventID", equalTo("e1"))));
  }

  @Test
  void aCorrelationRuleMissingOnOpaIsNamed() throws Exception {
    opa.stubFor(post(urlEqualTo("/v1/data/tripline/rules/test/engine/burst/alert")).willReturn(okJson("{}")));
    try (OpaEvaluator e = evaluator()) {
      assertThatThrownBy(() -> e.alerts(rule("T-THR-1"), ValueJson.parseJson("{\"records\": []}")))
          .isInstanceOf(DetectionException.class)
          .hasMessageContaining("no document at data.tripline.rules.test.engine.burst.alert")
          .hasMessageContaining("T-THR-1");
    }
  }

  @Test
  void aBaseUrlWithTheApiPathIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> OpaSettings.parseUrl("http://127.0.0.1:8181/v1/data"))
        .hasMessageContaining("base URL, without /v1");
    assertThatThrownBy(() -> OpaSettings.parseUrl("127.0.0.1:8181")).hasMessageContaining("http://");
    assertThat(OpaSettings.parseUrl("http://127.0.0.1:8181/")).isEqualTo(URI.create("http://127.0.0.1:8181"));
  }
}

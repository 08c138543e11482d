package io.tripline.core.detect.opa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.RecordVerdict;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an OPA server (or a proxy in front of it) answers is printed with credentials redacted. */
class OpaErrorRedactionTest {

  private static final String TOKEN = "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDtqstfDEaRfZKFK5Z2n2CnP3"
      + "VBlqe9C3VVDMCfyA8bvAIgPgQ6d4uW4GZnbYZ1lgBcqB+7l9bQWzBq6dZVbOSn/3cqmgIIk///////////ARAAGgw2Njg5OTQwNTk1NDYiDM";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  WireMockServer opa;

  @BeforeAll
  static void compile() throws Exception {
    OpaEvaluatorTest.compile();
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

  @Test
  void aProxyErrorBodyQuotingHeadersIsRedacted() throws Exception {
    opa.stubFor(post(urlEqualTo(OpaEvaluatorTest.BATCH)).willReturn(aResponse().withStatus(403)
        .withBody("denied: Authorization: Bearer abc.def.ghi X-Amz-Security-Token: " + TOKEN)));
    try (OpaEvaluator e = OpaEvaluatorTest.evaluator(URI.create("http://ops:hunter2@127.0.0.1:" + opa.port()))) {
      assertThatThrownBy(() -> e.evaluate(List.of(OpaEvaluatorTest.record("e1", "StopLogging"))))
          .isInstanceOf(DetectionException.class)
          .hasMessageContaining("HTTP 403")
          .hasMessageContaining("Authorization: [REDACTED]")
          .satisfies(x -> assertThat(x.getMessage()).doesNotContain("abc.def.ghi").doesNotContain("hunter2")
              .doesNotContain(TOKEN.substring(0, 20)));
    }
  }

  @Test
  void anOpaErrorObjectQuotingASecretIsRedacted() throws Exception {
    opa.stubFor(post(urlEqualTo(OpaEvaluatorTest.BATCH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"code\": \"invalid_parameter\", \"message\": \"bad input: aws_secret_access_key="
            + SECRET + "\"}")));
    try (OpaEvaluator e = OpaEvaluatorTest.evaluator(URI.create("http://127.0.0.1:" + opa.port()))) {
      assertThatThrownBy(() -> e.evaluate(List.of(OpaEvaluatorTest.record("e1", "StopLogging"))))
          .hasMessageContaining("invalid_parameter: bad input: aws_secret_access_key=[REDACTED]")
          .satisfies(x -> assertThat(x.getMessage()).doesNotContain(SECRET));
    }
  }

  @Test
  void anEvaluationErrorQuotingATokenIsRedacted() throws Exception {
    opa.stubFor(post(urlEqualTo(OpaEvaluatorTest.BATCH)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody("{\"code\": \"internal_error\", \"message\": \"error(s) occurred while evaluating query\","
            + " \"errors\": [{\"code\": \"eval_builtin_error\", \"message\": \"http.send: header X-Amz-Security-Token: " + TOKEN + "\"}]}")));
    try (OpaEvaluator e = OpaEvaluatorTest.evaluator(URI.create("http://127.0.0.1:" + opa.port()))) {
      List<RecordVerdict> v = e.evaluate(List.of(OpaEvaluatorTest.record("e1", "StopLogging")));
      assertThat(v.get(0).error()).contains("X-Amz-Security-Token: [REDACTED]").doesNotContain(TOKEN.substring(0, 20));
    }
  }
}

package io.tripline.iam.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tripline.iam.access.LiveResourceReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live reads are bounded: a repeated pagination marker stops with an error instead of paging
 * forever, a silent endpoint times out after the configured seconds, and every failure names the
 * endpoint, what to check, and no credential.
 */
class LiveReadLimitsTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private WireMockServer aws;

  @BeforeEach
  void start() {
    aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    aws.start();
    // The SDK's default credential chain reads these system properties first.
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", SECRET);
  }

  @AfterEach
  void stop() {
    aws.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private static String xml(String name) throws IOException {
    try (InputStream in = LiveReadLimitsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @Timeout(30)
  void aRepeatedPaginationMarkerIsAnErrorNotAnEndlessLoop() throws Exception {
    // Every page says "truncated, next: page-two-marker": a fake or proxy that ignores Marker.
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
        .withBody(xml("details-page-1.xml"))));
    try (LiveAccountReader reader = LiveAccountReader.create(null, null, URI.create(aws.baseUrl()))) {
      assertThatThrownBy(reader::read)
          .isInstanceOf(AccountDataException.class)
          .hasMessageContaining("IAM GetAccountAuthorizationDetails at " + aws.baseUrl())
          .hasMessageContaining("returned the pagination Marker 'page-two-marker' again on page 2")
          .hasMessageContaining("Check --endpoint-url");
    }
  }

  @Test
  @Timeout(30)
  void aTruncatedPageWithoutAMarkerIsAnError() throws Exception {
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
        .withBody(xml("details-page-1.xml").replace("<Marker>page-two-marker</Marker>", ""))));
    try (LiveAccountReader reader = LiveAccountReader.create(null, null, URI.create(aws.baseUrl()))) {
      assertThatThrownBy(reader::read).isInstanceOf(AccountDataException.class)
          .hasMessageContaining("said page 1 is truncated but gave no Marker");
    }
  }

  @Test
  @Timeout(30)
  void aSilentEndpointTimesOutAndTheMessageNamesItAndTheOptions() {
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
    LiveTimeouts fast = new LiveTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
    long start = System.nanoTime();
    try (LiveAccountReader reader = LiveAccountReader.create(null, null, URI.create(aws.baseUrl()), fast)) {
      assertThatThrownBy(reader::read)
          .isInstanceOf(AccountDataException.class)
          .hasMessageContaining("cannot call IAM GetAccountAuthorizationDetails at " + aws.baseUrl())
          .hasMessageContaining("timed out")
          .hasMessageContaining("connect 1 s, read 0.3 s; --connect-timeout, --read-timeout")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE"));
    }
    // The SDK retries the attempt a few times; each waits 0.3 s, not the 5 s the server takes.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  @Timeout(30)
  void resourceReadsTimeOutToo() {
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
    LiveTimeouts fast = new LiveTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
    try (LiveResourceReader reader = LiveResourceReader.create(null, "us-east-1", URI.create(aws.baseUrl()), fast)) {
      assertThatThrownBy(reader::read)
          .isInstanceOf(AccountDataException.class)
          .hasMessageContaining("cannot call cloudtrail:DescribeTrails")
          .hasMessageContaining("--connect-timeout, --read-timeout");
    }
  }

  @Test
  @Timeout(30)
  void anAwsErrorQuotingCredentialsIsRedacted() {
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(
        "<ErrorResponse><Error><Type>Sender</Type><Code>IncompleteSignature</Code><Message>Authorization header requires "
            + "'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240314/us-east-1/iam/aws4_request "
            + "secret " + SECRET + "</Message></Error><RequestId>1</RequestId></ErrorResponse>")));
    try (LiveAccountReader reader = LiveAccountReader.create(null, null, URI.create(aws.baseUrl()))) {
      assertThatThrownBy(reader::read)
          .isInstanceOf(AccountDataException.class)
          .hasMessageContaining("IncompleteSignature")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE"));
    }
  }
}

package io.tripline.cli.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tripline.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live reads against endpoints that answer garbage, broken XML or nothing: one located line naming
 * the endpoint, exit 2, never a stack trace, an XML parser's "[Fatal Error]" line or a credential.
 */
class LiveErrorOutputTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir Path dir;
  private WireMockServer aws;
  private Path request;

  @BeforeEach
  void start() throws Exception {
    aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    aws.start();
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", SECRET);
    request = Files.writeString(dir.resolve("r.json"),
        "{\"principal\": {\"arn\": \"arn:aws:iam::123456789012:user/a\"}, \"action\": \"s3:GetObject\", \"resource\": \"*\"}");
  }

  @AfterEach
  void stop() {
    aws.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @ParameterizedTest(name = "HTTP {0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "200|not xml at all|could not parse",
    "200|<?xml version=\"1.0\"?><GetAccountAuthorizationDetailsResponse><broken|could not parse",
    "500|<html><body>proxy error|answered HTTP 500 without an AWS error",
    "403|<Error><Code>AccessDenied</Code><Message>X-Amz-Security-Token: IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDtqstfDEaRfZKFK5Z2n2CnP3VBlqe9C3VVDMCfyA8bvAIgPgQ6d4uW4GZnbYZ1lgBcqB</Message></Error>|answered HTTP 403",
  })
  void garbageFromTheEndpointIsOneLine(int status, String body, String expected) {
    aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body)));
    CliRun run = CliRun.of("iam", "evaluate", "--request", request.toString(), "--live", "--endpoint-url", aws.baseUrl(),
        "--read-timeout", "2");
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.clean()).as(run.all()).isTrue();
    assertThat(run.err().toLowerCase()).contains(expected.toLowerCase());
    assertThat(run.err()).contains(aws.baseUrl()).doesNotContain(SECRET).doesNotContain("IQoJb3JpZ2luX2Vj");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aSilentEndpointTimesOutWithTheOptionsNamed() {
    aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
    CliRun run = CliRun.of("iam", "audit", "--live", "--endpoint-url", aws.baseUrl(), "--connect-timeout", "1", "--read-timeout", "0.3");
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.clean()).as(run.all()).isTrue();
    assertThat(run.err()).contains("cannot call IAM GetAccountAuthorizationDetails at " + aws.baseUrl())
        .contains("connect 1 s, read 0.3 s; --connect-timeout, --read-timeout");
  }

  @Test
  void endpointUrlWithoutLiveIsAUsageError() {
    for (String[] args : new String[][] {
        {"iam", "evaluate", "--request", request.toString(), "--endpoint-url", "http://127.0.0.1:1"},
        {"iam", "audit", "--account-export", request.toString(), "--endpoint-url", "http://127.0.0.1:1"},
        {"iam", "suggest", "--account-export", request.toString(), "--activity", dir.toString(), "--principal", "a",
            "--endpoint-url", "http://127.0.0.1:1"}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--endpoint-url is only used with --live").contains("--help");
      assertThat(run.clean()).isTrue();
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveIsAUsageError() {
    CliRun run = CliRun.of("iam", "evaluate", "--request", request.toString(), "--live", "--read-timeout", "0");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--read-timeout must be a number of seconds above 0");
  }
}

package io.tripline.rego;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials in remote error text never survive {@link Redaction#redact}; ordinary identifiers do. */
class RedactionTest {

  // Shapes of real credentials (AWS's documented examples and made-up values of the same form).
  private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String TEMP_KEY_ID = "ASIAQ3EGUWXYZ7EXAMPL";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDtqstfDEaRfZKFK5Z2n2CnP3"
      + "VBlqe9C3VVDMCfyA8bvAIgPgQ6d4uW4GZnbYZ1lgBcqB+7l9bQWzBq6dZVbOSn/3cqmgIIk///////////ARAAGgw2Njg5OTQwNTk1NDYiDM";
  private static final String SIGNATURE = "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024";

  @Test
  void sigV4AuthorizationHeaderAndTokenHeader() {
    String text = "request failed: Authorization: AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20240314/us-east-1/iam/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE + "\nX-Amz-Security-Token: " + TOKEN + "\nHost: iam.amazonaws.com";
    String r = Redaction.redact(text);
    assertThat(r).doesNotContain(KEY_ID).doesNotContain(SIGNATURE).doesNotContain(TOKEN)
        .contains("Authorization: [REDACTED]").contains("X-Amz-Security-Token: [REDACTED]").contains("Host: iam.amazonaws.com");
  }

  @Test
  void presignedUrlQueryParameters() {
    String url = "https://company-cloudtrail-logs.s3.amazonaws.com/AWSLogs/x.json.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=" + TEMP_KEY_ID + "%2F20240314%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240314T211915Z"
        + "&X-Amz-Expires=900&X-Amz-Security-Token=" + TOKEN.replace("/", "%2F") + "&X-Amz-Signature=" + SIGNATURE;
    String r = Redaction.redact("GET " + url + " returned 403");
    assertThat(r).doesNotContain(TEMP_KEY_ID).doesNotContain(SIGNATURE).doesNotContain("IQoJb3JpZ2luX2Vj")
        .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256").contains("X-Amz-Signature=[REDACTED]").contains("X-Amz-Expires=900")
        .endsWith(" returned 403");
  }

  @Test
  void credentialsInJsonXmlAndIni() {
    String json = "{\"AccessKeyId\": \"" + TEMP_KEY_ID + "\", \"SecretAccessKey\": \"" + SECRET + "\", \"SessionToken\": \"" + TOKEN
        + "\", \"Expiration\": \"2024-03-14T22:19:15Z\"}";
    String xml = "<Credentials><AccessKeyId>" + TEMP_KEY_ID + "</AccessKeyId><SecretAccessKey>" + SECRET
        + "</SecretAccessKey><SessionToken>" + TOKEN + "</SessionToken></Credentials>";
    String ini = "[default]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\naws_session_token=" + TOKEN;
    for (String text : new String[] {json, xml, ini}) {
      assertThat(Redaction.redact(text)).doesNotContain(KEY_ID).doesNotContain(TEMP_KEY_ID).doesNotContain(SECRET)
          .doesNotContain(TOKEN).doesNotContain("IQoJb3JpZ2luX2Vj").contains("[REDACTED]");
    }
    assertThat(Redaction.redact(json)).contains("\"Expiration\": \"2024-03-14T22:19:15Z\"");
  }

  @Test
  void bareSecretShapesInAnErrorMessage() {
    String text = "The security token included in the request is invalid: " + TOKEN + " (key " + KEY_ID + ", secret " + SECRET + ")";
    assertThat(Redaction.redact(text)).isEqualTo(
        "The security token included in the request is invalid: [REDACTED] (key AKIA[REDACTED], secret [REDACTED])");
  }

  @Test
  void userInfoInUrlsAndBearerTokens() {
    assertThat(Redaction.redact("cannot reach OPA at http://tripline:s3cr3t@opa.internal:8181/v1/data"))
        .isEqualTo("cannot reach OPA at http://[REDACTED]@opa.internal:8181/v1/data");
    assertThat(Redaction.redact("{\"code\": \"unauthorized\", \"message\": \"bad header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x\"}"))
        .doesNotContain("eyJhbGci").contains("Authorization: [REDACTED]");
  }

  @Test
  void ordinaryIdentifiersStay() {
    String text = "arn:aws:iam::123456789012:user/dev_user (AIDAEXAMPLE0000000001) request 3f1c2a9e-1b7d-4c55-9d1e-0a2b3c4d5e6f; "
        + "digest 0123456789abcdef0123456789abcdef01234567; rule tripline.rules.aws.cloudtrail.stop_logging; "
        + "s3://company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/file.json.gz; Signature version 4";
    assertThat(Redaction.redact(text)).isEqualTo(text);
    assertThat(Redaction.redact(null)).isNull();
  }
}

package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import org.junit.jupiter.api.Test;

class AwsSigningBuiltinsTest {
  private final FixedContext ctx = new FixedContext();
  private static final String CONFIG = "{\"aws_access_key\":\"AKIDEXAMPLE\",\"aws_secret_access_key\":\"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\","
      + "\"aws_service\":\"service\",\"aws_region\":\"us-east-1\"}";

  @Test
  void signsLikeTheAwsSigV4TestSuite() {
    // The "get-vanilla" request from AWS's SigV4 test suite, at 20150830T123600Z.
    ObjectValue signed = (ObjectValue) ctx.call("providers.aws.sign_req",
        "{\"method\":\"GET\",\"url\":\"https://example.amazonaws.com/\"}", CONFIG, "1440938160000000000");
    ObjectValue headers = (ObjectValue) signed.get("headers");
    assertThat(headers.get("x-amz-date")).isEqualTo(StringValue.of("20150830T123600Z"));
    assertThat(headers.get("host")).isEqualTo(StringValue.of("example.amazonaws.com"));
    assertThat(headers.get("Authorization")).isEqualTo(StringValue.of("AWS4-HMAC-SHA256 "
        + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,SignedHeaders=host;x-amz-date,"
        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    assertThat(signed.get("method")).isEqualTo(StringValue.of("GET"));
  }

  @Test
  void s3AddsTheContentHashAndHonoursUnsignedPayloads() {
    String s3 = CONFIG.replace("\"service\"", "\"s3\"").replace("}", ",\"disable_payload_signing\":true}");
    ObjectValue signed = (ObjectValue) ctx.call("providers.aws.sign_req",
        "{\"method\":\"get\",\"url\":\"http://example.com\",\"headers\":{\"foo\":\"bar\",\"User-Agent\":\"x\"}}", s3, "1451311705000000000");
    ObjectValue headers = (ObjectValue) signed.get("headers");
    assertThat(headers.get("x-amz-content-sha256")).isEqualTo(StringValue.of("UNSIGNED-PAYLOAD"));
    assertThat(((StringValue) headers.get("Authorization")).value()).contains("SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,");
    assertThat(headers.get("User-Agent")).isEqualTo(StringValue.of("x"));
  }

  @Test
  void missingConfigIsAnOperandError() {
    assertThatThrownBy(() -> ctx.call("providers.aws.sign_req", "{\"method\":\"get\",\"url\":\"http://x\"}",
        "{\"aws_access_key\":\"a\",\"aws_service\":\"s3\"}", "0"))
        .hasMessage("providers.aws.sign_req: operand 2 missing required AWS config parameters(s): {\"aws_region\", \"aws_secret_access_key\"}");
    assertThatThrownBy(() -> ctx.call("providers.aws.sign_req", "{\"url\":\"http://x\"}", CONFIG, "0"))
        .hasMessage("providers.aws.sign_req: operand 1 missing required request parameters(s): {\"method\"}");
    assertThat(json("{}")).isEqualTo(ObjectValue.EMPTY);
  }
}

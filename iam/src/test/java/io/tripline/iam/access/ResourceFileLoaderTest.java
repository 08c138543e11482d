package io.tripline.iam.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.iam.account.AccountDataException;
import org.junit.jupiter.api.Test;

class ResourceFileLoaderTest {

  final ResourceFileLoader loader = new ResourceFileLoader();

  @Test
  void readsDescribeTrailsOutput() throws Exception {
    Trail t = loader.trails(SeedAccount.DIR.resolve("company-123456789012.trails.json")).get(0);
    assertThat(t.name()).isEqualTo("company-trail");
    assertThat(t.bucket()).isEqualTo("company-cloudtrail-logs");
    assertThat(t.logObjectArn("123456789012")).startsWith("arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/");
    assertThat(new Trail("t", null, "eu-west-1", "b", "pre/fix", null, null).logObjectArn("1")).startsWith("arn:aws:s3:::b/pre/fix/AWSLogs/1/");
  }

  @Test
  void problemsNameTheFileAndPointer() {
    assertThatThrownBy(() -> loader.trails("{\"trails\": []}", "t.json")).isInstanceOf(AccountDataException.class)
        .hasMessageContaining("t.json: /trailList: missing");
    assertThatThrownBy(() -> loader.trails("{\"trailList\": [{\"Name\": \"a\", \"S3BucketName\": \"b\"}]}", "t.json"))
        .hasMessageContaining("/trailList/0/HomeRegion: missing");
    assertThatThrownBy(() -> loader.trails("{\"trailList\": [", "t.json")).hasMessageContaining("t.json: not valid JSON at line 1");
    assertThatThrownBy(() -> loader.bucketPolicy("{\"Policy\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"allow\\\"}]}\"}", "bp.json"))
        .hasMessageContaining("bp.json: not a valid bucket policy").hasMessageContaining("/Policy/Statement/0");
  }
}

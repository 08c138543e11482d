package io.tripline.iam.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The live resource context against fake CloudTrail (JSON 1.1) and S3 (REST) endpoints: the real SDK over real HTTP on localhost. */
class LiveResourceReaderTest {

  private static final String SECRET = "fakeSecretKeyThatMustNeverBePrinted0000";
  private static WireMockServer aws;
  private static LiveResourceReader reader;

  @BeforeAll
  static void start() {
    aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    aws.start();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", SECRET));
    URI endpoint = URI.create(aws.baseUrl());
    reader = new LiveResourceReader(
        CloudTrailClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint).credentialsProvider(credentials)
            .httpClientBuilder(ApacheHttpClient.builder()).build(),
        S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true).credentialsProvider(credentials)
            .httpClientBuilder(ApacheHttpClient.builder()).build());
  }

  @BeforeEach
  void reset() {
    aws.resetAll();
  }

  @AfterAll
  static void stop() {
    reader.close();
    aws.stop();
  }

  private static void trails(String body) {
    aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("DescribeTrails"))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  @Test
  void readsTheTrailsAndTheirBucketPolicies() throws Exception {
    String seedTrails = Files.readString(SeedAccount.DIR.resolve("company-123456789012.trails.json"));
    // A multi-region trail appears once per region with includeShadowTrails; keep it once.
    String twice = seedTrails.replace("\"trailList\": [", "\"trailList\": [" + seedTrails.substring(seedTrails.indexOf('{', 1), seedTrails.lastIndexOf(']')) + ",");
    trails(twice);
    String policy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        Files.readString(SeedAccount.DIR.resolve("company-cloudtrail-logs-remediated.bucket-policy.json"))).get("Policy").asText();
    aws.stubFor(get(urlPathEqualTo("/company-cloudtrail-logs")).willReturn(aResponse().withBody(policy)));

    AccountResources r = reader.read();
    assertThat(r.trails()).extracting(Trail::name, Trail::bucket).containsExactly(org.assertj.core.groups.Tuple.tuple("company-trail", "company-cloudtrail-logs"));
    assertThat(r.trails().get(0).kmsKeyId()).endsWith("key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
    assertThat(r.bucketPolicies().get("company-cloudtrail-logs").statements()).extracting(s -> s.sid()).contains("DenyLogReadExceptAuditors");
    aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("\"includeShadowTrails\":true")));
  }

  @Test
  void aBucketWithoutPolicyHasNone() throws Exception {
    trails("{\"trailList\": [{\"Name\": \"t\", \"S3BucketName\": \"b\", \"HomeRegion\": \"eu-west-1\", \"TrailARN\": \"arn:aws:cloudtrail:eu-west-1:1:trail/t\"}]}");
    aws.stubFor(get(urlPathEqualTo("/b")).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/xml")
        .withBody("<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><BucketName>b</BucketName></Error>")));
    AccountResources r = reader.read();
    assertThat(r.trails()).hasSize(1);
    assertThat(r.bucketPolicies()).isEmpty();
  }

  @Test
  void accessDeniedSaysWhichPermissionsToGrantAndNeverTheSecret() {
    aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"User is not authorized to perform: cloudtrail:DescribeTrails\"}")));
    assertThatThrownBy(reader::read).hasMessageContaining("AWS denied cloudtrail:DescribeTrails")
        .hasMessageContaining("cloudtrail:DescribeTrails, s3:GetBucketPolicy").hasMessageNotContaining(SECRET);
  }
}

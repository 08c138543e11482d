package io.tripline.iam.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tripline.iam.AccessRequest;
import io.tripline.iam.Decision;
import io.tripline.iam.PolicyEvaluator;
import io.tripline.iam.RequestContext;
import io.tripline.iam.RequestPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The live path against a fake IAM Query API: the real SDK, real XML responses, real HTTP on
 * localhost, static fake credentials.
 */
class LiveAccountReaderTest {

  private static final String SECRET = "fakeSecretKeyThatMustNeverBePrinted0000";

  private static WireMockServer iam;
  private static LiveAccountReader reader;

  @BeforeAll
  static void start() {
    iam = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    iam.start();
    IamClient client = IamClient.builder()
        .region(Region.AWS_GLOBAL)
        .endpointOverride(URI.create(iam.baseUrl()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", SECRET)))
        .httpClientBuilder(ApacheHttpClient.builder())
        // The SDK's own retry strategy for IAM, with short waits so the throttling test stays quick.
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
            .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
            .build()))
        .build();
    reader = new LiveAccountReader(client);
  }

  @BeforeEach
  void forgetStubsAndRequests() {
    iam.resetAll();
  }

  @AfterAll
  static void stop() {
    reader.close();
    iam.stop();
  }

  private static String xml(String name) {
    try (InputStream in = LiveAccountReaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void stubTwoPagesAndBoundary() {
    iam.stubFor(post(urlEqualTo("/")).atPriority(5)
        .withRequestBody(containing("Action=GetAccountAuthorizationDetails"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml("details-page-1.xml"))));
    iam.stubFor(post(urlEqualTo("/")).atPriority(1)
        .withRequestBody(containing("Action=GetAccountAuthorizationDetails"))
        .withRequestBody(containing("Marker=page-two-marker"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml("details-page-2.xml"))));
    iam.stubFor(post(urlEqualTo("/"))
        .withRequestBody(containing("Action=GetPolicy&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml("get-policy.xml"))));
    iam.stubFor(post(urlEqualTo("/"))
        .withRequestBody(containing("Action=GetPolicyVersion"))
        .withRequestBody(containing("VersionId=v3"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml("get-policy-version.xml"))));
  }

  @Test
  void pagesThroughEveryPageAndDecodesUrlEncodedDocuments() throws Exception {
    stubTwoPagesAndBoundary();

    AccountAuthorizationDetails details = reader.read();

    iam.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountAuthorizationDetails")));
    assertThat(details.users()).extracting(IamUser::name).containsExactly("dev_user");
    assertThat(details.groups()).extracting(IamGroup::name).containsExactly("developers");
    assertThat(details.roles()).extracting(IamRole::name).containsExactly("log-shipper");
    IamUser dev = details.users().get(0);
    assertThat(dev.tags()).containsExactly(new Tag("team", "payments"));
    assertThat(dev.groups()).containsExactly("developers");
    // Decoded, with '+' and spaces intact.
    assertThat(dev.inlinePolicies().get(0).document().at("/Statement/0/Condition/StringLike/s3:prefix").asText())
        .isEqualTo("AWSLogs/+team folder/*");
    IamRole role = details.roles().get(0);
    assertThat(role.trustPolicy().at("/Statement/0/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");
    assertThat(role.instanceProfiles()).extracting(InstanceProfile::name).containsExactly("log-shipper-profile");
    ManagedPolicy team = details.policy("arn:aws:iam::123456789012:policy/TeamReadOnly").orElseThrow();
    assertThat(team.defaultDocument().orElseThrow().at("/Statement/0/Action/1").asText()).isEqualTo("s3:GetObject");
  }

  @Test
  void fetchesBoundaryPoliciesThatTheDetailsCallOmits() throws Exception {
    stubTwoPagesAndBoundary();

    AccountAuthorizationDetails details = reader.read();

    ManagedPolicy boundary = details.policy("arn:aws:iam::123456789012:policy/DeveloperBoundary").orElseThrow();
    assertThat(boundary.defaultVersionId()).isEqualTo("v3");
    assertThat(details.missingBoundaryPolicies()).isEmpty();
    List<String> problems = new ArrayList<>();
    String devArn = "arn:aws:iam::123456789012:user/developers/dev_user";
    assertThat(details.permissionsBoundary(devArn, problems)).isPresent();
    assertThat(details.identityPolicies(devArn, problems)).hasSize(3);
    assertThat(problems).isEmpty();

    // The loaded account answers what-if questions: the inline policy's condition holds, the group denies StopLogging.
    PolicyEvaluator evaluator = PolicyEvaluator.withBundledReference();
    AccessRequest lookup = new AccessRequest(RequestPrincipal.user(devArn), "s3:GetObject", "arn:aws:s3:::acme-trail-logs/AWSLogs/x.json.gz", null,
        RequestContext.of(java.util.Map.of("s3:prefix", "AWSLogs/+team folder/2026/")),
        details.identityPolicies(devArn, problems), details.permissionsBoundary(devArn, problems).orElseThrow(), null, null, null, null, null);
    assertThat(evaluator.evaluate(lookup).decision()).isEqualTo(Decision.ALLOWED);
    AccessRequest stop = new AccessRequest(RequestPrincipal.user(devArn), "cloudtrail:StopLogging", "arn:aws:cloudtrail:us-east-1:123456789012:trail/t",
        null, RequestContext.empty(), details.identityPolicies(devArn, problems), details.permissionsBoundary(devArn, problems).orElseThrow(), null, null, null, null, null);
    assertThat(evaluator.evaluate(stop).decision()).isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void throttlingIsRetriedBySdk() throws Exception {
    iam.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .withRequestBody(containing("Action=GetAccountAuthorizationDetails"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(xml("error-throttling.xml")))
        .willSetStateTo("calm"));
    iam.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("calm")
        .withRequestBody(containing("Action=GetAccountAuthorizationDetails"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml("details-page-2.xml"))));

    AccountAuthorizationDetails details = reader.read();

    assertThat(details.roles()).extracting(IamRole::name).containsExactly("log-shipper");
    iam.verify(2, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void accessDeniedNamesThePermissionsToGrantAndNoCredentials() {
    iam.stubFor(post(urlEqualTo("/"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(xml("error-access-denied.xml"))));

    assertThatThrownBy(() -> reader.read())
        .isInstanceOf(AccountDataException.class)
        .hasMessageContaining("AWS denied iam:GetAccountAuthorizationDetails")
        .hasMessageContaining("iam:GetAccountAuthorizationDetails, iam:GetPolicy, iam:GetPolicyVersion")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("AKIAFAKEFAKEFAKE0000"));
  }

  @Test
  void aDeniedBoundaryFetchIsReportedWithItsOperation() {
    iam.stubFor(post(urlEqualTo("/")).atPriority(5)
        .withRequestBody(containing("Action=GetAccountAuthorizationDetails"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml("details-page-1.xml").replace("<IsTruncated>true</IsTruncated>", "<IsTruncated>false</IsTruncated>"))));
    iam.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetPolicy&"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(xml("error-access-denied.xml"))));

    assertThatThrownBy(() -> reader.read()).isInstanceOf(AccountDataException.class).hasMessageContaining("AWS denied iam:GetPolicy ");
  }
}

package io.tripline.iam.access;

import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.policy.ParsedPolicy;
import io.tripline.iam.policy.PolicyDocument;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads an account's resource context live, read-only: the trails ({@code cloudtrail:DescribeTrails},
 * shadow copies of multi-region trails included, each trail once) and the bucket policy of each
 * trail bucket ({@code s3:GetBucketPolicy}; a bucket without a policy has none). The permissions it
 * needs are {@link #REQUIRED_PERMISSIONS}. Credentials come from the SDK's default chain or a
 * named profile and are never printed or stored.
 */
public final class LiveResourceReader implements AutoCloseable {

  /** Exactly the actions the reader calls. */
  public static final List<String> REQUIRED_PERMISSIONS = List.of("cloudtrail:DescribeTrails", "s3:GetBucketPolicy");

  private final CloudTrailClient cloudTrail;
  private final S3Client s3;

  /** A reader over already built clients (tests point them at a fake endpoint). */
  public LiveResourceReader(CloudTrailClient cloudTrail, S3Client s3) {
    this.cloudTrail = cloudTrail;
    this.s3 = s3;
  }

  /**
   * Clients for {@code region} (null: us-east-1) with the default credentials chain or {@code
   * profile}; {@code endpoint} overrides both services' endpoints (null for AWS's).
   */
  public static LiveResourceReader create(String profile, String region, URI endpoint) {
    return create(profile, region, endpoint, io.tripline.iam.account.LiveTimeouts.DEFAULT);
  }

  /** As {@link #create(String, String, URI)}, waiting at most {@code timeouts} for each connection and read. */
  public static LiveResourceReader create(String profile, String region, URI endpoint, io.tripline.iam.account.LiveTimeouts timeouts) {
    AwsCredentialsProvider credentials = profile == null ? DefaultCredentialsProvider.create() : ProfileCredentialsProvider.create(profile);
    Region r = Region.of(region == null ? "us-east-1" : region);
    var ct = CloudTrailClient.builder().region(r).credentialsProvider(credentials)
        .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(timeouts.connect()).socketTimeout(timeouts.read()));
    var s3 = S3Client.builder().region(r).credentialsProvider(credentials)
        .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(timeouts.connect()).socketTimeout(timeouts.read()))
        .crossRegionAccessEnabled(true);
    if (endpoint != null) {
      ct.endpointOverride(endpoint);
      s3.endpointOverride(endpoint).forcePathStyle(true);
    }
    return new LiveResourceReader(ct.build(), s3.build());
  }

  /** The trails and the policies of their buckets, with {@code scps} (not read live). */
  public AccountResources read() throws AccountDataException {
    List<Trail> trails = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    DescribeTrailsResponse response;
    try {
      response = cloudTrail.describeTrails(b -> b.includeShadowTrails(true));
    } catch (SdkException e) {
      throw failure("cloudtrail:DescribeTrails", e);
    }
    for (var t : response.trailList()) {
      String key = t.trailARN() != null ? t.trailARN() : t.name();
      if (t.s3BucketName() == null || !seen.add(key)) {
        continue;
      }
      String region = t.homeRegion() != null ? t.homeRegion() : key.startsWith("arn:") ? key.split(":")[3] : "us-east-1";
      trails.add(new Trail(t.name(), t.trailARN(), region, t.s3BucketName(), t.s3KeyPrefix(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn()));
    }
    Map<String, PolicyDocument> policies = new LinkedHashMap<>();
    for (Trail t : trails) {
      if (policies.containsKey(t.bucket())) {
        continue;
      }
      String text;
      try {
        text = s3.getBucketPolicy(b -> b.bucket(t.bucket())).policy();
      } catch (AwsServiceException e) {
        if (e.awsErrorDetails() != null && "NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
          continue;
        }
        throw failure("s3:GetBucketPolicy on " + t.bucket(), e);
      } catch (SdkException e) {
        throw failure("s3:GetBucketPolicy on " + t.bucket(), e);
      }
      ParsedPolicy parsed = new PolicyParser().parse(text, PolicyKind.RESOURCE);
      if (!parsed.ok()) {
        throw accountError("the bucket policy of " + t.bucket() + " does not parse: " + parsed.errors());
      }
      policies.put(t.bucket(), parsed.document());
    }
    return new AccountResources(trails, policies, List.of());
  }

  private static AccountDataException failure(String operation, SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      if (code != null && code.startsWith("AccessDenied")) {
        return accountError("AWS denied " + operation + " to the caller (" + aws.awsErrorDetails().errorMessage()
            + "). Tripline reads the resource context with exactly " + String.join(", ", REQUIRED_PERMISSIONS)
            + " (read-only); grant those, or give --trails and --bucket-policy files instead.", e);
      }
      if (code == null) {
        return accountError(operation + " answered HTTP " + aws.statusCode() + " without an AWS error in the body; check --endpoint-url "
            + "and --region (a proxy or captive portal in between?)", e);
      }
      return accountError(operation + " failed: " + code + ": " + aws.awsErrorDetails().errorMessage(), e);
    }
    if (e instanceof SdkClientException) {
      return accountError("cannot call " + operation + ": " + e.getMessage()
          + " (check the network path to the endpoint (--endpoint-url, --region, proxies, firewalls), the timeouts "
          + "(--connect-timeout, --read-timeout) and the credentials: the SDK's default chain, or --profile NAME)", e);
    }
    return accountError(operation + " failed: " + e.getMessage(), e);
  }

  /** AWS's error text and the SDK's messages can quote request headers: credentials are redacted. */
  private static AccountDataException accountError(String message) {
    return new AccountDataException(io.tripline.rego.Redaction.redact(message));
  }

  private static AccountDataException accountError(String message, Throwable cause) {
    return new AccountDataException(io.tripline.rego.Redaction.redact(message), cause);
  }

  @Override
  public void close() {
    cloudTrail.close();
    s3.close();
  }
}

package io.tripline.iam.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.iam.policy.PolicyText;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Reads an account's IAM data live through the AWS SDK, read-only: pages through
 * GetAccountAuthorizationDetails, URL-decodes every policy document, and fetches the managed
 * policies used only as permissions boundaries (which that call omits) with GetPolicy and
 * GetPolicyVersion. Throttling is retried by the SDK. The permissions it needs are {@link
 * #REQUIRED_PERMISSIONS}. Credentials come from the SDK's default chain or a named profile and are
 * never printed or stored.
 */
public final class LiveAccountReader implements AutoCloseable {

  /** Exactly the IAM actions the reader calls. */
  public static final List<String> REQUIRED_PERMISSIONS =
      List.of("iam:GetAccountAuthorizationDetails", "iam:GetPolicy", "iam:GetPolicyVersion");

  private final IamClient client;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String endpoint;
  private final LiveTimeouts timeouts;

  /** A reader over an already built client (tests point it at a fake endpoint). */
  public LiveAccountReader(IamClient client) {
    this(client, null);
  }

  private LiveAccountReader(IamClient client, LiveTimeouts timeouts) {
    this.client = client;
    this.timeouts = timeouts;
    this.endpoint = client.serviceClientConfiguration().endpointOverride().map(URI::toString)
        .orElse("AWS's IAM endpoint (" + client.serviceClientConfiguration().region() + ")");
  }

  /** {@link #create(String, String, URI, LiveTimeouts)} with the default timeouts. */
  public static LiveAccountReader create(String profile, String region, URI endpoint) {
    return create(profile, region, endpoint, LiveTimeouts.DEFAULT);
  }

  /**
   * A reader using the default credentials chain, or {@code profile} when not null. IAM is global:
   * {@code region} only picks the partition (cn-* for China, us-gov-* for GovCloud); null for the
   * aws partition. {@code endpoint} overrides the IAM endpoint (null for AWS's).
   */
  public static LiveAccountReader create(String profile, String region, URI endpoint, LiveTimeouts timeouts) {
    AwsCredentialsProvider credentials = profile == null
        ? DefaultCredentialsProvider.create()
        : ProfileCredentialsProvider.create(profile);
    IamClientBuilder builder = IamClient.builder()
        .region(partitionRegion(region))
        .credentialsProvider(credentials)
        .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(timeouts.connect()).socketTimeout(timeouts.read()));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return new LiveAccountReader(builder.build(), timeouts);
  }

  static Region partitionRegion(String region) {
    if (region == null) {
      return Region.AWS_GLOBAL;
    }
    if (region.startsWith("cn-")) {
      return Region.AWS_CN_GLOBAL;
    }
    if (region.startsWith("us-gov-")) {
      return Region.AWS_US_GOV_GLOBAL;
    }
    return Region.AWS_GLOBAL;
  }

  /** Reads every user, group, role and managed policy, and the boundary policies they use. */
  public AccountAuthorizationDetails read() throws AccountDataException {
    AccountAuthorizationDetails details;
    try {
      List<IamUser> users = new ArrayList<>();
      List<IamGroup> groups = new ArrayList<>();
      List<IamRole> roles = new ArrayList<>();
      List<ManagedPolicy> policies = new ArrayList<>();
      Set<String> markers = new HashSet<>();
      String marker = null;
      for (int pageNumber = 1; ; pageNumber++) {
        GetAccountAuthorizationDetailsResponse page =
            client.getAccountAuthorizationDetails(GetAccountAuthorizationDetailsRequest.builder().marker(marker).build());
        for (UserDetail u : page.userDetailList()) {
          users.add(user(u));
        }
        for (var g : page.groupDetailList()) {
          groups.add(new IamGroup(g.arn(), g.groupName(), g.groupId(), g.path(), inline(g.groupPolicyList()),
              g.attachedManagedPolicies().stream().map(a -> new AttachedPolicy(a.policyArn(), a.policyName())).toList()));
        }
        for (RoleDetail r : page.roleDetailList()) {
          roles.add(role(r));
        }
        for (ManagedPolicyDetail p : page.policies()) {
          policies.add(policy(p));
        }
        if (!Boolean.TRUE.equals(page.isTruncated())) {
          break;
        }
        marker = page.marker();
        if (marker == null || marker.isEmpty()) {
          throw accountError("IAM GetAccountAuthorizationDetails at " + endpoint + " said page " + pageNumber
              + " is truncated but gave no Marker for the next page; check --endpoint-url (a proxy or fake IAM that pages wrongly?)");
        }
        if (!markers.add(marker)) {
          throw accountError("IAM GetAccountAuthorizationDetails at " + endpoint + " returned the pagination Marker '"
              + shorten(marker) + "' again on page " + pageNumber + ", which would page forever; stopped. Check --endpoint-url "
              + "(a proxy or fake IAM that ignores Marker?)");
        }
      }
      details = new AccountAuthorizationDetails(List.of(), List.of(), List.of(), List.of())
          .merge(new AccountAuthorizationDetails(users, groups, roles, policies));
    } catch (SdkException e) {
      throw failure("GetAccountAuthorizationDetails", e);
    }
    List<ManagedPolicy> boundaries = new ArrayList<>();
    for (String arn : details.missingBoundaryPolicies()) {
      boundaries.add(boundaryPolicy(arn));
    }
    return details.withPolicies(boundaries);
  }

  private ManagedPolicy boundaryPolicy(String arn) throws AccountDataException {
    GetPolicyResponse policy;
    try {
      policy = client.getPolicy(b -> b.policyArn(arn));
    } catch (SdkException e) {
      throw failure("GetPolicy", e);
    }
    String version = policy.policy().defaultVersionId();
    GetPolicyVersionResponse v;
    try {
      v = client.getPolicyVersion(b -> b.policyArn(arn).versionId(version));
    } catch (SdkException e) {
      throw failure("GetPolicyVersion", e);
    }
    return new ManagedPolicy(arn, policy.policy().policyName(), policy.policy().policyId(), policy.policy().path(), version,
        orZero(policy.policy().attachmentCount()), orZero(policy.policy().permissionsBoundaryUsageCount()),
        List.of(new PolicyVersion(version, true, document(v.policyVersion().document(), arn + " " + version))));
  }

  private IamUser user(UserDetail u) throws AccountDataException {
    return new IamUser(u.arn(), u.userName(), u.userId(), u.path(), u.groupList(), inline(u.userPolicyList()),
        u.attachedManagedPolicies().stream().map(a -> new AttachedPolicy(a.policyArn(), a.policyName())).toList(),
        u.permissionsBoundary() == null ? null : u.permissionsBoundary().permissionsBoundaryArn(),
        u.tags().stream().map(t -> new Tag(t.key(), t.value())).toList());
  }

  private IamRole role(RoleDetail r) throws AccountDataException {
    List<InstanceProfile> profiles = r.instanceProfileList().stream()
        .map(ip -> new InstanceProfile(ip.arn(), ip.instanceProfileName(), ip.instanceProfileId(), ip.path(),
            ip.roles().stream().map(software.amazon.awssdk.services.iam.model.Role::arn).toList()))
        .toList();
    return new IamRole(r.arn(), r.roleName(), r.roleId(), r.path(),
        r.assumeRolePolicyDocument() == null ? null : document(r.assumeRolePolicyDocument(), r.arn() + " trust policy"),
        inline(r.rolePolicyList()),
        r.attachedManagedPolicies().stream().map(a -> new AttachedPolicy(a.policyArn(), a.policyName())).toList(),
        r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn(),
        r.tags().stream().map(t -> new Tag(t.key(), t.value())).toList(), profiles);
  }

  private ManagedPolicy policy(ManagedPolicyDetail p) throws AccountDataException {
    List<PolicyVersion> versions = new ArrayList<>();
    for (var v : p.policyVersionList()) {
      versions.add(new PolicyVersion(v.versionId(), Boolean.TRUE.equals(v.isDefaultVersion()), document(v.document(), p.arn() + " " + v.versionId())));
    }
    return new ManagedPolicy(p.arn(), p.policyName(), p.policyId(), p.path(), p.defaultVersionId(),
        orZero(p.attachmentCount()), orZero(p.permissionsBoundaryUsageCount()), versions);
  }

  private List<InlinePolicy> inline(List<PolicyDetail> list) throws AccountDataException {
    List<InlinePolicy> out = new ArrayList<>();
    for (PolicyDetail d : list) {
      out.add(new InlinePolicy(d.policyName(), document(d.policyDocument(), d.policyName())));
    }
    return out;
  }

  /** The IAM API returns documents URL-encoded (RFC 3986); decode, then parse. */
  private JsonNode document(String encoded, String what) throws AccountDataException {
    if (encoded == null) {
      return null;
    }
    try {
      return mapper.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(PolicyText.decode(encoded));
    } catch (PolicyText.MalformedException e) {
      throw accountError("IAM returned a policy document for " + what + " that " + e.getMessage().replaceFirst("^the policy document text ", ""), e);
    } catch (JsonProcessingException e) {
      throw accountError("IAM returned a policy document for " + what + " that is not JSON after URL-decoding: " + e.getOriginalMessage(), e);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private AccountDataException failure(String operation, SdkException e) {
    if (e instanceof IamException iam && iam.awsErrorDetails() != null) {
      String code = iam.awsErrorDetails().errorCode();
      if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
        return accountError("AWS denied iam:" + operation + " to the caller (" + iam.awsErrorDetails().errorMessage()
            + "). Tripline reads IAM with exactly " + String.join(", ", REQUIRED_PERMISSIONS)
            + " (read-only); grant those to the identity you run it as.", e);
      }
      if (code == null) {
        return accountError("IAM " + operation + " at " + endpoint + " answered HTTP " + iam.statusCode()
            + " without an AWS error in the body; check that --endpoint-url is an IAM endpoint (a proxy or captive portal in between?)", e);
      }
      return accountError("IAM " + operation + " at " + endpoint + " failed: " + code + ": " + iam.awsErrorDetails().errorMessage(), e);
    }
    if (e instanceof SdkClientException) {
      return accountError("cannot call IAM " + operation + " at " + endpoint + ": " + e.getMessage()
          + " (check the network path to that endpoint (--endpoint-url, proxies, firewalls)" + (timeouts == null ? "" : ", the timeouts ("
          + timeouts.describe() + "; --connect-timeout, --read-timeout)") + " and the credentials: the SDK's default chain, or --profile NAME)", e);
    }
    return accountError("IAM " + operation + " at " + endpoint + " failed: " + e.getMessage(), e);
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
    client.close();
  }
}

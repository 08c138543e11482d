package io.tripline.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.iam.AccessRequest;
import io.tripline.iam.Decision;
import io.tripline.iam.PolicyEvaluator;
import io.tripline.iam.PolicyType;
import io.tripline.iam.RequestContext;
import io.tripline.iam.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What-if questions answered from an account export: the seed incident's developer account. */
class AccountPolicyResolverTest {

  private static final String EXPORT = """
      {"UserDetailList": [{"Path": "/developers/", "UserName": "dev_user", "UserId": "AIDAEXAMPLE0000000001",
         "Arn": "arn:aws:iam::123456789012:user/developers/dev_user", "GroupList": ["developers"],
         "UserPolicyList": [], "AttachedManagedPolicies": [],
         "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::123456789012:policy/DevBoundary"},
         "Tags": []}],
       "GroupDetailList": [{"Path": "/", "GroupName": "developers", "GroupId": "AGPAEXAMPLE000000001",
         "Arn": "arn:aws:iam::123456789012:group/developers",
         "GroupPolicyList": [{"PolicyName": "logs-read", "PolicyDocument": {"Version": "2012-10-17",
           "Statement": [{"Effect": "Allow", "Action": ["cloudtrail:LookupEvents", "s3:GetObject", "sts:AssumeRole"], "Resource": "*"}]}}],
         "AttachedManagedPolicies": []}],
       "RoleDetailList": [{"Path": "/ops/", "RoleName": "TrailAdmin", "RoleId": "AROAEXAMPLE000000001",
         "Arn": "arn:aws:iam::123456789012:role/ops/TrailAdmin",
         "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::123456789012:role/ops/BreakGlass"}, "Action": "sts:AssumeRole"}]},
         "InstanceProfileList": [], "RolePolicyList": [{"PolicyName": "trail-admin", "PolicyDocument": {"Version": "2012-10-17",
           "Statement": [{"Effect": "Allow", "Action": "cloudtrail:*", "Resource": "*"}]}}],
         "AttachedManagedPolicies": [], "Tags": []}],
       "Policies": [{"PolicyName": "DevBoundary", "PolicyId": "ANPAEXAMPLE000000001", "Arn": "arn:aws:iam::123456789012:policy/DevBoundary",
         "Path": "/", "DefaultVersionId": "v1", "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 1,
         "PolicyVersionList": [{"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["cloudtrail:*", "sts:AssumeRole"], "Resource": "*"}]},
           "VersionId": "v1", "IsDefaultVersion": true}]}]}
      """;

  private final PolicyEvaluator evaluator = PolicyEvaluator.withBundledReference();

  private AccessRequest complete(AccessRequest r, List<String> problems) throws AccountDataException {
    return new AccountPolicyResolver(new ExportFileLoader().load(EXPORT, "export.json")).complete(r, problems);
  }

  @Test
  void aUserArnWithoutPathGetsItsGroupPoliciesAndBoundary() throws Exception {
    List<String> problems = new ArrayList<>();
    AccessRequest lookup = complete(AccessRequest.of(RequestPrincipal.user("arn:aws:iam::123456789012:user/dev_user"),
        "cloudtrail:LookupEvents", "*", RequestContext.empty(), List.of()), problems);
    assertThat(problems).isEmpty();
    assertThat(lookup.identityPolicies()).hasSize(1);
    assertThat(lookup.permissionsBoundary()).isNotNull();
    assertThat(evaluator.evaluate(lookup).decision()).isEqualTo(Decision.ALLOWED);

    AccessRequest download = complete(AccessRequest.of(RequestPrincipal.user("arn:aws:iam::123456789012:user/dev_user"),
        "s3:GetObject", "arn:aws:s3:::trail-logs/AWSLogs/x.json.gz", RequestContext.empty(), List.of()), problems);
    assertThat(evaluator.evaluate(download).decidingPolicyType()).isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
  }

  @Test
  void assumeRoleGetsTheRolesTrustPolicy() throws Exception {
    List<String> problems = new ArrayList<>();
    AccessRequest assume = complete(AccessRequest.of(RequestPrincipal.user("arn:aws:iam::123456789012:user/dev_user"),
        "sts:AssumeRole", "arn:aws:iam::123456789012:role/ops/TrailAdmin", RequestContext.empty(), List.of()), problems);
    assertThat(assume.resourcePolicy()).isNotNull();
    var d = evaluator.evaluate(assume);
    assertThat(d.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(d.decidingPolicyType()).isEqualTo(PolicyType.RESOURCE_POLICY);
  }

  @Test
  void aRoleSessionGetsItsRolesPolicies() throws Exception {
    List<String> problems = new ArrayList<>();
    AccessRequest stop = complete(AccessRequest.of(
        RequestPrincipal.roleSession("arn:aws:sts::123456789012:assumed-role/TrailAdmin/alice", "arn:aws:iam::123456789012:role/TrailAdmin"),
        "cloudtrail:StopLogging", "arn:aws:cloudtrail:us-east-1:123456789012:trail/org", RequestContext.empty(), List.of()), problems);
    assertThat(evaluator.evaluate(stop).decision()).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void anUnknownPrincipalIsReportedNotGuessed() throws Exception {
    List<String> problems = new ArrayList<>();
    AccessRequest r = complete(AccessRequest.of(RequestPrincipal.user("arn:aws:iam::123456789012:user/nobody"),
        "cloudtrail:LookupEvents", "*", RequestContext.empty(), List.of()), problems);
    assertThat(r.identityPolicies()).isEmpty();
    assertThat(problems).singleElement().asString().contains("not in the account data");
  }
}

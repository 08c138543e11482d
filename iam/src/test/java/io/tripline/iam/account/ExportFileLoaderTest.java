package io.tripline.iam.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading {@code aws iam get-account-authorization-details} output (AWS CLI form). */
class ExportFileLoaderTest {

  private static final String PAGE_ONE = """
      {"UserDetailList": [{"Path": "/", "UserName": "dev_user", "UserId": "AIDAEXAMPLE0000000001",
         "Arn": "arn:aws:iam::123456789012:user/dev_user", "CreateDate": "2025-01-01T00:00:00Z",
         "GroupList": ["readers"],
         "UserPolicyList": [{"PolicyName": "own", "PolicyDocument": {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "cloudtrail:LookupEvents", "Resource": "*"}]}}],
         "AttachedManagedPolicies": [{"PolicyName": "ReadLogs", "PolicyArn": "arn:aws:iam::123456789012:policy/ReadLogs"}],
         "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::123456789012:policy/Boundary"},
         "Tags": [{"Key": "owner", "Value": "payments"}]}],
       "GroupDetailList": [{"Path": "/", "GroupName": "readers", "GroupId": "AGPAEXAMPLE000000001",
         "Arn": "arn:aws:iam::123456789012:group/readers", "GroupPolicyList": [], "AttachedManagedPolicies": []}],
       "RoleDetailList": [], "Policies": [], "IsTruncated": true, "Marker": "abc"}
      """;

  private static final String PAGE_TWO = """
      {"UserDetailList": [], "GroupDetailList": [],
       "RoleDetailList": [{"Path": "/aws-service-role/cloudtrail.amazonaws.com/", "RoleName": "AWSServiceRoleForCloudTrail",
         "RoleId": "AROAEXAMPLE000000001", "Arn": "arn:aws:iam::123456789012:role/aws-service-role/cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrail",
         "AssumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22cloudtrail.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D",
         "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": [], "Tags": []}],
       "Policies": [{"PolicyName": "ReadLogs", "PolicyId": "ANPAEXAMPLE000000001", "Arn": "arn:aws:iam::123456789012:policy/ReadLogs",
         "Path": "/", "DefaultVersionId": "v2", "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": true,
         "PolicyVersionList": [
           {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}, "VersionId": "v1", "IsDefaultVersion": false},
           {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::trail-logs/*"}]}, "VersionId": "v2", "IsDefaultVersion": true}]}]}
      """;

  private final ExportFileLoader loader = new ExportFileLoader();

  @Test
  void concatenatedPagesAreMerged() throws Exception {
    AccountAuthorizationDetails d = loader.load(PAGE_ONE + "\n" + PAGE_TWO, "export.json");
    assertThat(d.users()).hasSize(1);
    assertThat(d.roles()).hasSize(1);
    assertThat(d.roles().get(0).serviceLinked()).isTrue();
    assertThat(d.roles().get(0).trustPolicy().at("/Statement/0/Principal/Service").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(d.users().get(0).tags()).containsExactly(new Tag("owner", "payments"));
  }

  @Test
  void aPageSeenTwiceDoesNotDuplicateEntities() throws Exception {
    AccountAuthorizationDetails d = loader.load("[" + PAGE_ONE + "," + PAGE_ONE + "," + PAGE_TWO + "]", "pages.json");
    assertThat(d.users()).hasSize(1);
    assertThat(d.policies()).hasSize(1);
  }

  @Test
  void theDefaultVersionIsTheOneInForce() throws Exception {
    AccountAuthorizationDetails d = loader.load(PAGE_ONE + PAGE_TWO, "export.json");
    List<String> problems = new ArrayList<>();
    var policies = d.identityPolicies("arn:aws:iam::123456789012:user/dev_user", problems);
    assertThat(policies).extracting(p -> p.name()).containsExactly(
        "arn:aws:iam::123456789012:user/dev_user/own", "arn:aws:iam::123456789012:policy/ReadLogs");
    assertThat(policies.get(1).document().statements().get(0).action().values()).containsExactly("s3:GetObject");
  }

  @Test
  void aBoundaryMissingFromTheExportIsReported() throws Exception {
    AccountAuthorizationDetails d = loader.load(PAGE_ONE + PAGE_TWO, "export.json");
    assertThat(d.missingBoundaryPolicies()).containsExactly("arn:aws:iam::123456789012:policy/Boundary");
    List<String> problems = new ArrayList<>();
    assertThat(d.permissionsBoundary("arn:aws:iam::123456789012:user/dev_user", problems)).isEmpty();
    assertThat(problems).singleElement().asString().contains("Boundary");
  }

  @Test
  void malformedEntriesNameThePageAndPointer() {
    String broken = PAGE_TWO.replace("\"RoleName\": \"AWSServiceRoleForCloudTrail\",", "");
    assertThatThrownBy(() -> loader.load(PAGE_ONE + broken, "export.json"))
        .isInstanceOf(AccountDataException.class)
        .hasMessage("export.json page 2: /RoleDetailList/0/RoleName: missing RoleName");
  }

  @Test
  void somethingElseEntirelyIsRejectedWithAHint() {
    assertThatThrownBy(() -> loader.load("{\"Records\": []}", "trail.json"))
        .isInstanceOf(AccountDataException.class)
        .hasMessageContaining("get-account-authorization-details");
    assertThatThrownBy(() -> loader.load("{\"UserDetailList\": [", "cut.json"))
        .isInstanceOf(AccountDataException.class)
        .hasMessageContaining("not valid JSON");
  }
}

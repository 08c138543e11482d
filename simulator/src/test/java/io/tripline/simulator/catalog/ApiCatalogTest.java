package io.tripline.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import org.junit.jupiter.api.Test;

class ApiCatalogTest {

  private final ApiCatalog catalog = Fixtures.CATALOG;

  @Test
  void coversAtLeastEightyCallsIncludingEveryOneTheIssueNames() {
    assertThat(catalog.size()).isGreaterThanOrEqualTo(80);
    assertThat(catalog.names()).contains(
        "cloudtrail:DescribeTrails", "cloudtrail:GetTrail", "cloudtrail:GetTrailStatus", "cloudtrail:ListTrails",
        "cloudtrail:LookupEvents", "cloudtrail:GetEventSelectors", "cloudtrail:PutEventSelectors",
        "cloudtrail:GetInsightSelectors", "cloudtrail:PutInsightSelectors", "cloudtrail:StartLogging",
        "cloudtrail:StopLogging", "cloudtrail:CreateTrail", "cloudtrail:UpdateTrail", "cloudtrail:DeleteTrail",
        "cloudtrail:StartQuery", "cloudtrail:GetQueryResults", "cloudtrail:ListEventDataStores", "cloudtrail:DeleteEventDataStore",
        "s3:ListBuckets", "s3:ListObjects", "s3:ListObjectsV2", "s3:GetObject", "s3:PutObject", "s3:DeleteObject",
        "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketLifecycleConfiguration",
        "s3:DeleteBucket", "s3:GetBucketAcl", "s3:PutBucketLogging",
        "iam:GetUser", "iam:ListUsers", "iam:ListAttachedUserPolicies", "iam:CreateUser", "iam:CreateAccessKey",
        "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:DeleteUserPolicy", "iam:ListRoles", "iam:CreatePolicyVersion",
        "sts:GetCallerIdentity", "sts:AssumeRole", "sts:GetSessionToken", "signin:ConsoleLogin",
        "guardduty:ListDetectors", "guardduty:DeleteDetector", "guardduty:UpdateDetector",
        "guardduty:DisassociateFromMasterAccount", "guardduty:CreateIPSet",
        "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel",
        "logs:DeleteLogGroup", "logs:DeleteLogStream", "logs:PutRetentionPolicy", "logs:DescribeLogGroups",
        "events:DisableRule", "events:DeleteRule", "organizations:LeaveOrganization", "organizations:DescribeOrganization",
        "kms:ScheduleKeyDeletion", "kms:DisableKey", "ec2:DescribeInstances", "ec2:DescribeRegions",
        "lambda:ListFunctions", "lambda:CreateFunction");
  }

  @Test
  void ownsTheRenamesBetweenApiNamesAndEventNames() {
    assertThat(catalog.find("s3:PutBucketLifecycleConfiguration").orElseThrow().eventName()).isEqualTo("PutBucketLifecycle");
    assertThat(catalog.find("s3:ListObjectsV2").orElseThrow().eventName()).isEqualTo("ListObjects");
    assertThat(catalog.find("lambda:CreateFunction").orElseThrow().eventName()).isEqualTo("CreateFunction20150331");
    assertThat(catalog.find("lambda:ListFunctions").orElseThrow().eventName()).isEqualTo("ListFunctions20150331");
    assertThat(catalog.find("lambda:UpdateFunctionCode").orElseThrow().eventName()).isEqualTo("UpdateFunctionCode20150331v2");
    assertThat(catalog.find("guardduty:DisassociateFromMasterAccount").orElseThrow().eventName()).isEqualTo("DisassociateFromMasterAccount");
  }

  @Test
  void suggestsNearestNamesForUnknownCalls() {
    assertThat(catalog.nearest("cloudtrail:StopLoging")).first().isEqualTo("cloudtrail:StopLogging");
    assertThat(catalog.nearest("s3:PutBucketLifecycle")).contains("s3:PutBucketLifecycleConfiguration");
  }

  @Test
  void deniedErrorCodesFollowEachServiceProtocol() {
    assertThat(catalog.find("s3:GetObject").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDenied");
    assertThat(catalog.find("iam:CreateUser").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDenied");
    assertThat(catalog.find("sts:AssumeRole").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDenied");
    assertThat(catalog.find("cloudtrail:StopLogging").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(catalog.find("guardduty:DeleteDetector").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(catalog.find("logs:DeleteLogGroup").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(catalog.find("kms:DisableKey").orElseThrow().whenDenied().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(catalog.find("ec2:DescribeInstances").orElseThrow().whenDenied().errorCode()).isEqualTo("Client.UnauthorizedOperation");
    assertThat(catalog.find("signin:ConsoleLogin").orElseThrow().whenDenied().errorCode()).isNull();
  }

  @Test
  void dataEventsAreTheS3ObjectCalls() {
    assertThat(catalog.names()).filteredOn(n -> catalog.find(n).orElseThrow().dataEvent())
        .containsExactlyInAnyOrder("s3:ListObjects", "s3:ListObjectsV2", "s3:GetObject", "s3:HeadObject", "s3:PutObject",
            "s3:DeleteObject", "s3:DeleteObjects");
  }
}

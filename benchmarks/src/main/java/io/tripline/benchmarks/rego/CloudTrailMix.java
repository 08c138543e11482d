package io.tripline.benchmarks.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic mix of CloudTrail records shaped as AWS writes them: mostly benign read and
 * write calls across many services and event names (describe/list/get noise dominates, as in
 * real trails), some denied calls, a few of the tampering calls detection rules look for.
 * Identities are IAM users, assumed roles, AWS services and occasionally root.
 */
final class CloudTrailMix {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** eventSource, eventName, readOnly, the request parameter the call names its target by. */
  private record Api(String source, String name, boolean readOnly, String param) {}

  private static final List<Api> NOISE = List.of(
      api("s3", "GetObject", true, "key"), api("s3", "ListBuckets", true, null),
      api("s3", "HeadObject", true, "key"), api("s3", "PutObject", false, "key"),
      api("s3", "GetBucketLocation", true, "bucketName"), api("s3", "ListObjects", true, "bucketName"),
      api("ec2", "DescribeInstances", true, null), api("ec2", "DescribeSecurityGroups", true, null),
      api("ec2", "DescribeVolumes", true, null), api("ec2", "DescribeSubnets", true, null),
      api("ec2", "RunInstances", false, "instanceType"), api("ec2", "CreateTags", false, "resourcesSet"),
      api("sts", "AssumeRole", true, "roleArn"), api("sts", "GetCallerIdentity", true, null),
      api("sts", "GetSessionToken", true, null), api("iam", "GetUser", true, "userName"),
      api("iam", "ListRoles", true, null), api("iam", "ListUsers", true, null),
      api("iam", "GetRole", true, "roleName"), api("iam", "ListAttachedRolePolicies", true, "roleName"),
      api("kms", "Decrypt", true, "keyId"), api("kms", "GenerateDataKey", true, "keyId"),
      api("kms", "DescribeKey", true, "keyId"), api("lambda", "ListFunctions20150331", true, null),
      api("lambda", "Invoke", false, "functionName"), api("lambda", "GetFunction20150331v2", true, "functionName"),
      api("logs", "CreateLogStream", false, "logGroupName"), api("logs", "DescribeLogGroups", true, null),
      api("logs", "FilterLogEvents", true, "logGroupName"), api("cloudtrail", "DescribeTrails", true, null),
      api("cloudtrail", "GetTrailStatus", true, "name"), api("cloudtrail", "LookupEvents", true, null),
      api("cloudtrail", "GetEventSelectors", true, "trailName"), api("dynamodb", "DescribeTable", true, "tableName"),
      api("dynamodb", "ListTables", true, null), api("ssm", "GetParameter", true, "name"),
      api("ssm", "GetParameters", true, "names"), api("secretsmanager", "GetSecretValue", true, "secretId"),
      api("monitoring", "PutMetricData", false, "namespace"), api("monitoring", "DescribeAlarms", true, null),
      api("config", "DescribeConfigRules", true, null), api("guardduty", "ListDetectors", true, null),
      api("guardduty", "GetFindings", true, "detectorId"), api("organizations", "DescribeOrganization", true, null),
      api("rds", "DescribeDBInstances", true, null), api("ecr", "GetAuthorizationToken", true, null),
      api("ecs", "ListClusters", true, null), api("elasticloadbalancing", "DescribeLoadBalancers", true, null),
      api("autoscaling", "DescribeAutoScalingGroups", true, null), api("sns", "Publish", false, "topicArn"),
      api("sqs", "ReceiveMessage", true, "queueUrl"), api("signin", "ConsoleLogin", false, null));

  private static final List<Api> SENSITIVE = List.of(
      api("cloudtrail", "UpdateTrail", false, "name"), api("cloudtrail", "StopLogging", false, "name"),
      api("cloudtrail", "DeleteTrail", false, "name"), api("cloudtrail", "PutEventSelectors", false, "trailName"),
      api("s3", "PutBucketPolicy", false, "bucketName"), api("s3", "DeleteBucket", false, "bucketName"),
      api("s3", "PutBucketLifecycle", false, "bucketName"), api("iam", "CreateAccessKey", false, "userName"),
      api("iam", "AttachUserPolicy", false, "userName"), api("iam", "CreateUser", false, "userName"),
      api("iam", "PutUserPolicy", false, "userName"), api("iam", "CreateLoginProfile", false, "userName"),
      api("guardduty", "DeleteDetector", false, "detectorId"), api("guardduty", "CreateFilter", false, "detectorId"),
      api("kms", "ScheduleKeyDeletion", false, "keyId"), api("kms", "DisableKey", false, "keyId"),
      api("config", "StopConfigurationRecorder", false, "configurationRecorderName"),
      api("logs", "PutRetentionPolicy", false, "logGroupName"), api("logs", "DeleteLogGroup", false, "logGroupName"),
      api("events", "DisableRule", false, "name"), api("organizations", "LeaveOrganization", false, null),
      api("ec2", "AuthorizeSecurityGroupIngress", false, "groupId"), api("ec2", "ModifySnapshotAttribute", false, "snapshotId"),
      api("secretsmanager", "DeleteSecret", false, "secretId"), api("lambda", "AddPermission20150331v2", false, "functionName"));

  private static final String[] AGENTS = {
    "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1017-aws exe/x86_64.ubuntu.22 prompt/off",
    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213 md/arch#x86_64 lang/python#3.11.6",
    "aws-sdk-java/2.25.13 Linux/5.10.210 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Safari/537.36",
    "Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0",
    "AWS Internal",
    "python-requests/2.31.0"
  };

  private static final String[] IPS = {
    "10.0.12.34", "10.0.40.7", "172.31.9.200", "198.51.100.23", "203.0.113.77", "192.0.2.14", "45.133.1.90",
  };

  private static final String[] DENIALS = {"AccessDenied", "UnauthorizedOperation", "Client.UnauthorizedOperation"};

  private CloudTrailMix() {}

  private static Api api(String service, String name, boolean readOnly, String param) {
    return new Api(service + ".amazonaws.com", name, readOnly, param);
  }

  /** {@code count} records from a fixed seed: ~94% noise, ~6% sensitive calls, ~7% denied. */
  static List<JsonNode> records(int count, long seed) {
    Random rnd = new Random(seed);
    List<JsonNode> out = new ArrayList<>(count);
    Instant t = Instant.parse("2024-05-14T09:00:00Z");
    for (int i = 0; i < count; i++) {
      Api api = rnd.nextInt(100) < 6 ? SENSITIVE.get(rnd.nextInt(SENSITIVE.size())) : NOISE.get(rnd.nextInt(NOISE.size()));
      t = t.plusMillis(50 + rnd.nextInt(4000));
      out.add(record(api, t, rnd));
    }
    return out;
  }

  private static ObjectNode record(Api api, Instant time, Random rnd) {
    ObjectNode r = F.objectNode();
    r.put("eventVersion", "1.09");
    r.set("userIdentity", identity(rnd));
    r.put("eventTime", time.toString());
    r.put("eventSource", api.source());
    r.put("eventName", api.name());
    r.put("awsRegion", rnd.nextInt(5) == 0 ? "eu-west-1" : "us-east-1");
    r.put("sourceIPAddress", r.at("/userIdentity/type").asText().equals("AWSService") ? api.source() : IPS[rnd.nextInt(IPS.length)]);
    r.put("userAgent", AGENTS[rnd.nextInt(AGENTS.length)]);
    boolean denied = rnd.nextInt(100) < 7;
    if (denied) {
      r.put("errorCode", DENIALS[rnd.nextInt(DENIALS.length)]);
      r.put("errorMessage", "User is not authorized to perform: " + api.name());
    }
    ObjectNode req = null;
    if (api.param() != null) {
      req = F.objectNode();
      req.put(api.param(), api.param().equals("bucketName") ? "prod-data-" + rnd.nextInt(40) : "target-" + rnd.nextInt(200));
      if (api.name().equals("UpdateTrail") || api.name().equals("PutBucketPolicy")) {
        req.put("s3BucketName", rnd.nextBoolean() ? "org-trail-logs" : "external-bucket-" + rnd.nextInt(9999));
        req.put("isMultiRegionTrail", rnd.nextBoolean());
      }
      if (api.name().equals("PutRetentionPolicy")) {
        req.put("retentionInDays", rnd.nextBoolean() ? 1 : 365);
      }
      if (api.name().equals("ScheduleKeyDeletion")) {
        req.put("pendingWindowInDays", 7 + rnd.nextInt(24));
      }
      if (api.name().equals("AuthorizeSecurityGroupIngress")) {
        req.put("cidrIp", rnd.nextBoolean() ? "0.0.0.0/0" : "10.0.0.0/8");
        req.put("fromPort", rnd.nextBoolean() ? 22 : 443);
      }
    }
    if (req == null) {
      r.putNull("requestParameters");
    } else {
      r.set("requestParameters", req);
    }
    if (!api.readOnly() && !denied && req != null) {
      r.set("responseElements", req.deepCopy().put("requestId", UUID.nameUUIDFromBytes(new byte[] {(byte) rnd.nextInt()}).toString()));
    } else {
      r.putNull("responseElements");
    }
    if (api.name().equals("ConsoleLogin")) {
      r.putObject("additionalEventData").put("MFAUsed", rnd.nextInt(4) == 0 ? "No" : "Yes")
          .put("LoginTo", "https://console.aws.amazon.com/console/home");
      r.putObject("responseElements").put("ConsoleLogin", denied ? "Failure" : "Success");
    }
    r.put("requestID", new UUID(rnd.nextLong(), rnd.nextLong()).toString());
    r.put("eventID", new UUID(rnd.nextLong(), rnd.nextLong()).toString());
    r.put("readOnly", api.readOnly());
    if (req != null && !api.readOnly()) {
      r.putArray("resources").addObject().put("accountId", "123456789012")
          .put("type", "AWS::" + api.source().split("\\.")[0].toUpperCase() + "::Resource")
          .put("ARN", "arn:aws:" + api.source().split("\\.")[0] + ":us-east-1:123456789012:" + req.fields().next().getValue().asText());
    }
    r.put("eventType", api.name().equals("ConsoleLogin") ? "AwsConsoleSignIn" : "AwsApiCall");
    r.put("managementEvent", true);
    r.put("recipientAccountId", "123456789012");
    r.put("eventCategory", "Management");
    r.putObject("tlsDetails").put("tlsVersion", "TLSv1.3").put("cipherSuite", "TLS_AES_128_GCM_SHA256")
        .put("clientProvidedHostHeader", api.source().replace(".amazonaws.com", ".us-east-1.amazonaws.com"));
    return r;
  }

  private static ObjectNode identity(Random rnd) {
    ObjectNode u = F.objectNode();
    int kind = rnd.nextInt(100);
    if (kind < 35) {
      String user = "dev-" + (char) ('a' + rnd.nextInt(12));
      u.put("type", "IAMUser").put("principalId", "AIDA" + Long.toHexString(rnd.nextLong()).toUpperCase())
          .put("arn", "arn:aws:iam::123456789012:user/" + user).put("accountId", "123456789012")
          .put("accessKeyId", "AKIA" + Long.toHexString(rnd.nextLong()).toUpperCase()).put("userName", user);
    } else if (kind < 85) {
      String role = rnd.nextBoolean() ? "ci-deploy" : "AdminRole";
      u.put("type", "AssumedRole").put("principalId", "AROA" + Long.toHexString(rnd.nextLong()).toUpperCase() + ":session")
          .put("arn", "arn:aws:sts::123456789012:assumed-role/" + role + "/session").put("accountId", "123456789012")
          .put("accessKeyId", "ASIA" + Long.toHexString(rnd.nextLong()).toUpperCase());
      ObjectNode ctx = u.putObject("sessionContext");
      ctx.putObject("sessionIssuer").put("type", "Role").put("userName", role)
          .put("arn", "arn:aws:iam::123456789012:role/" + role);
      ctx.putObject("attributes").put("creationDate", "2024-05-14T08:00:00Z")
          .put("mfaAuthenticated", rnd.nextBoolean() ? "true" : "false");
    } else if (kind < 98) {
      u.put("type", "AWSService").put("invokedBy", "cloudformation.amazonaws.com");
    } else {
      u.put("type", "Root").put("principalId", "123456789012").put("arn", "arn:aws:iam::123456789012:root")
          .put("accountId", "123456789012");
    }
    return u;
  }
}

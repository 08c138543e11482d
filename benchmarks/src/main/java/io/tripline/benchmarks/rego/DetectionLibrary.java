package io.tripline.benchmarks.rego;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A library of 50 detection rules written as Tripline ships them: one package per rule under
 * {@code tripline.rules.…}, a {@code # METADATA} block, and an {@code alert} set whose body tests
 * {@code input.eventSource} and {@code input.eventName} plus 3-5 other conditions (identity
 * type, no error, request parameters, source address by CIDR or prefix, user agent).
 */
final class DetectionLibrary {

  /** eventSource service, eventName, the request parameter the rule inspects (or null). */
  private record Watch(String service, String name, String param) {}

  private static final List<Watch> WATCHES = List.of(
      new Watch("cloudtrail", "UpdateTrail", "name"), new Watch("cloudtrail", "StopLogging", "name"),
      new Watch("cloudtrail", "DeleteTrail", "name"), new Watch("cloudtrail", "PutEventSelectors", "trailName"),
      new Watch("cloudtrail", "LookupEvents", null), new Watch("cloudtrail", "GetEventSelectors", "trailName"),
      new Watch("s3", "PutBucketPolicy", "bucketName"), new Watch("s3", "DeleteBucket", "bucketName"),
      new Watch("s3", "PutBucketLifecycle", "bucketName"), new Watch("s3", "GetObject", "key"),
      new Watch("s3", "ListBuckets", null), new Watch("iam", "CreateAccessKey", "userName"),
      new Watch("iam", "AttachUserPolicy", "userName"), new Watch("iam", "CreateUser", "userName"),
      new Watch("iam", "PutUserPolicy", "userName"), new Watch("iam", "CreateLoginProfile", "userName"),
      new Watch("iam", "ListUsers", null), new Watch("iam", "ListRoles", null),
      new Watch("guardduty", "DeleteDetector", "detectorId"), new Watch("guardduty", "CreateFilter", "detectorId"),
      new Watch("guardduty", "ListDetectors", null), new Watch("kms", "ScheduleKeyDeletion", "keyId"),
      new Watch("kms", "DisableKey", "keyId"), new Watch("kms", "Decrypt", "keyId"),
      new Watch("config", "StopConfigurationRecorder", "configurationRecorderName"),
      new Watch("config", "DescribeConfigRules", null), new Watch("logs", "PutRetentionPolicy", "logGroupName"),
      new Watch("logs", "DeleteLogGroup", "logGroupName"), new Watch("logs", "FilterLogEvents", "logGroupName"),
      new Watch("events", "DisableRule", "name"), new Watch("organizations", "LeaveOrganization", null),
      new Watch("organizations", "DescribeOrganization", null),
      new Watch("ec2", "AuthorizeSecurityGroupIngress", "groupId"), new Watch("ec2", "ModifySnapshotAttribute", "snapshotId"),
      new Watch("ec2", "RunInstances", "instanceType"), new Watch("ec2", "DescribeInstances", null),
      new Watch("secretsmanager", "DeleteSecret", "secretId"), new Watch("secretsmanager", "GetSecretValue", "secretId"),
      new Watch("lambda", "AddPermission20150331v2", "functionName"), new Watch("lambda", "Invoke", "functionName"),
      new Watch("sts", "AssumeRole", "roleArn"), new Watch("sts", "GetCallerIdentity", null),
      new Watch("sts", "GetSessionToken", null), new Watch("ssm", "GetParameter", "name"),
      new Watch("ssm", "GetParameters", "names"), new Watch("signin", "ConsoleLogin", null),
      new Watch("dynamodb", "DescribeTable", "tableName"), new Watch("rds", "DescribeDBInstances", null),
      new Watch("ecr", "GetAuthorizationToken", null), new Watch("sns", "Publish", "topicArn"));

  private static final List<String> CONDITIONS = List.of(
      "input.userIdentity.type != \"AWSService\"",
      "not input.errorCode",
      "not net.cidr_contains(\"10.0.0.0/8\", input.sourceIPAddress)",
      "not contains(input.userAgent, \"Terraform\")",
      "input.userIdentity.type in {\"IAMUser\", \"AssumedRole\", \"Root\"}",
      "not startswith(input.sourceIPAddress, \"172.31.\")",
      "not endswith(input.userIdentity.arn, \"/ci-deploy/session\")",
      "input.awsRegion in {\"us-east-1\", \"eu-west-1\"}",
      "not input.userIdentity.invokedBy");

  private DetectionLibrary() {}

  /** The rule packages' entrypoints, {@code data.tripline.rules.<id>.alert}. */
  static List<String> entrypoints() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < WATCHES.size(); i++) {
      out.add("data.tripline.rules." + id(i) + ".alert");
    }
    return out;
  }

  /** File name to Rego source, one module per rule. */
  static Map<String, String> modules() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < WATCHES.size(); i++) {
      out.put(id(i) + ".rego", module(i, WATCHES.get(i)));
    }
    return out;
  }

  private static String id(int i) {
    Watch w = WATCHES.get(i);
    return String.format("r%02d_%s_%s", i, w.service(), w.name().toLowerCase());
  }

  private static String module(int i, Watch w) {
    StringBuilder body = new StringBuilder();
    body.append("  input.eventSource == \"").append(w.service()).append(".amazonaws.com\"\n");
    body.append("  input.eventName == \"").append(w.name()).append("\"\n");
    int extra = 3 + i % 3;
    if (w.param() != null) {
      body.append("  target := input.requestParameters.").append(w.param()).append('\n');
      body.append("  not startswith(target, \"sandbox-\")\n");
      extra -= 1;
    }
    for (int k = 0; k < extra; k++) {
      body.append("  ").append(CONDITIONS.get((i * 3 + k * 2) % CONDITIONS.size())).append('\n');
    }
    String subject = w.param() == null ? "input.eventName" : "target";
    return """
        # METADATA
        # title: %s %s
        # custom:
        #   id: TRL-%03d
        #   severity: %s
        package tripline.rules.%s

        import rego.v1

        alert contains {"rule": "%s", "message": sprintf("%%s: %%s by %%s from %%s", [input.eventName, %s, input.userIdentity.type, input.sourceIPAddress])} if {
        %s}
        """.formatted(w.service(), w.name(), i, i % 4 == 0 ? "high" : "medium", id(i), id(i), subject, body);
  }
}

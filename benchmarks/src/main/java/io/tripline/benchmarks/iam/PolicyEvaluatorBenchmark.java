package io.tripline.benchmarks.iam;

import io.tripline.iam.AccessRequest;
import io.tripline.iam.PolicyEvaluator;
import io.tripline.iam.RequestBatch;
import io.tripline.iam.RequestReader;
import io.tripline.iam.ServiceReference;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IAM decisions per second on one thread, for the seed incident's what-if questions: the
 * developer's identity policies with a boundary, SCP levels, an RCP guardrail, a bucket policy, a
 * role session with a session policy, conditions of every family. {@code evaluate} decides
 * requests already read; {@code readAndEvaluate} also reads the request file (schema validation
 * and policy parsing), as {@code tripline iam evaluate} does. The side-by-side comparison with
 * iam-simulate lives in {@code benchmarks/iam-simulate/}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEvaluatorBenchmark {

  static final String DEV_POLICIES = """
      "identityPolicies": [
        {"name": "DevCloudTrailRead", "document": {"Version": "2012-10-17", "Statement": [
          {"Sid": "Read", "Effect": "Allow", "Action": ["cloudtrail:LookupEvents", "cloudtrail:Describe*", "cloudtrail:Get*"], "Resource": "*"},
          {"Sid": "Logs", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::trail-logs", "arn:aws:s3:::trail-logs/*"],
           "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}},
          {"Sid": "Home", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"},
          {"Sid": "NoMfaNoWrite", "Effect": "Deny", "NotAction": ["iam:ListMFADevices", "iam:EnableMFADevice", "s3:Get*", "cloudtrail:LookupEvents"],
           "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}}],
      "permissionsBoundary": {"name": "DevBoundary", "document": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["cloudtrail:*", "s3:*", "ec2:Describe*"], "Resource": "*"}]}},
      "scps": [
        {"target": "root", "policies": [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
          {"name": "ProtectTrail", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"], "Resource": "*",
            "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}]}}]},
        {"target": "account", "policies": [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}],
      "rcps": [{"target": "root", "policies": [{"name": "RCPFullAWSAccess", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}},
        {"name": "OrgOnly", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
          "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}}]}]
      """;

  static final String[] CALLS = {
    "\"action\": \"cloudtrail:LookupEvents\", \"resource\": \"*\"",
    "\"action\": \"cloudtrail:DescribeTrails\", \"resource\": \"*\"",
    "\"action\": \"cloudtrail:StopLogging\", \"resource\": \"arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail\"",
    "\"action\": \"cloudtrail:UpdateTrail\", \"resource\": \"arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail\"",
    "\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::trail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/22/x.json.gz\"",
    "\"action\": \"s3:PutObject\", \"resource\": \"arn:aws:s3:::home/dev_user/notes.txt\"",
    "\"action\": \"iam:CreateAccessKey\", \"resource\": \"arn:aws:iam::123456789012:user/admin\"",
    "\"action\": \"ec2:DescribeInstances\", \"resource\": \"*\"",
  };

  static final String[] CONTEXTS = {
    "{\"aws:SourceIp\": \"185.143.221.89\", \"aws:MultiFactorAuthPresent\": \"false\", \"aws:username\": \"dev_user\", \"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\", \"aws:PrincipalArn\": \"arn:aws:iam::123456789012:user/dev_user\"}",
    "{\"aws:SourceIp\": \"203.0.113.7\", \"aws:username\": \"dev_user\", \"aws:PrincipalArn\": \"arn:aws:iam::123456789012:user/dev_user\"}",
    "{\"aws:SourceIp\": \"2001:db8::9\", \"aws:MultiFactorAuthPresent\": \"true\", \"aws:username\": \"dev_user\", \"aws:PrincipalOrgID\": \"o-zzzzzzzzzz\"}",
  };

  String file;
  List<AccessRequest> requests;
  PolicyEvaluator evaluator;
  RequestReader reader;

  static String requestFile() {
    StringBuilder sb = new StringBuilder("[");
    for (String call : CALLS) {
      for (String context : CONTEXTS) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append("{\"principal\": {\"arn\": \"arn:aws:iam::123456789012:user/dev_user\"}, ").append(call)
            .append(", \"context\": ").append(context).append(", ").append(DEV_POLICIES).append('}');
      }
    }
    return sb.append(']').toString();
  }

  /** CALLS x CONTEXTS (a constant, as JMH annotations need). */
  static final int REQUESTS = 24;

  @Setup
  public void setUp() {
    ServiceReference reference = ServiceReference.bundled();
    file = requestFile();
    reader = new RequestReader(reference);
    RequestBatch batch = reader.read(file);
    if (!batch.ok()) {
      throw new IllegalStateException(batch.errors().toString());
    }
    requests = batch.requests();
    if (requests.size() != REQUESTS) {
      throw new IllegalStateException("REQUESTS must be " + requests.size());
    }
    evaluator = new PolicyEvaluator(reference);
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public int evaluate() {
    int sum = 0;
    for (AccessRequest r : requests) {
      sum += evaluator.evaluate(r).decision().ordinal();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public int readAndEvaluate() {
    int sum = 0;
    for (AccessRequest r : reader.read(file).requests()) {
      sum += evaluator.evaluate(r).decision().ordinal();
    }
    return sum;
  }
}

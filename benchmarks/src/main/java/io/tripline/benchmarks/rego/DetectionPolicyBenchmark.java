package io.tripline.benchmarks.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.value.ObjectValue;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of a 10-rule detection policy over one realistic 1.5 KB CloudTrail
 * record (an UpdateTrail call, which one rule flags). The record is a Jackson tree, read
 * lazily by the engine, as Tripline's detection engine feeds it.
 *
 * <p>Run: {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar DetectionPolicyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectionPolicyBenchmark {

  static final String POLICY = """
      package tripline.rules.bench

      import rego.v1

      alert contains {"rule": "trail_updated", "message": sprintf("trail %s updated by %s", [input.requestParameters.name, input.userIdentity.arn])} if {
        input.eventSource == "cloudtrail.amazonaws.com"
        input.eventName == "UpdateTrail"
        not input.errorCode
      }

      alert contains {"rule": "trail_stopped", "message": "logging stopped"} if {
        input.eventSource == "cloudtrail.amazonaws.com"
        input.eventName == "StopLogging"
        not input.errorCode
      }

      alert contains {"rule": "trail_deleted", "message": "trail deleted"} if {
        input.eventSource == "cloudtrail.amazonaws.com"
        input.eventName == "DeleteTrail"
      }

      alert contains {"rule": "root_usage", "message": "root user activity"} if {
        input.userIdentity.type == "Root"
        not input.userIdentity.invokedBy
        input.eventType != "AwsServiceEvent"
      }

      alert contains {"rule": "console_login_no_mfa", "message": "console login without MFA"} if {
        input.eventName == "ConsoleLogin"
        input.additionalEventData.MFAUsed != "Yes"
      }

      alert contains {"rule": "bucket_policy_changed", "message": "bucket policy changed"} if {
        input.eventSource == "s3.amazonaws.com"
        input.eventName in {"PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl"}
      }

      alert contains {"rule": "access_key_created", "message": "access key created"} if {
        input.eventSource == "iam.amazonaws.com"
        input.eventName == "CreateAccessKey"
        input.userIdentity.userName != input.requestParameters.userName
      }

      alert contains {"rule": "guardduty_disabled", "message": "GuardDuty detector deleted"} if {
        input.eventSource == "guardduty.amazonaws.com"
        input.eventName == "DeleteDetector"
      }

      alert contains {"rule": "log_enumeration", "message": "trail enumeration"} if {
        input.eventSource == "cloudtrail.amazonaws.com"
        startswith(input.eventName, "Describe")
        input.readOnly == true
      }

      alert contains {"rule": "denied_api", "message": sprintf("denied: %s", [input.eventName])} if {
        input.errorCode in {"AccessDenied", "UnauthorizedOperation"}
        count(input.resources) > 0
      }
      """;

  static final String RECORD = """
      {
        "eventVersion": "1.09",
        "userIdentity": {
          "type": "IAMUser",
          "principalId": "AIDAEXAMPLEPRINCIPAL01",
          "arn": "arn:aws:iam::123456789012:user/dev-alice",
          "accountId": "123456789012",
          "accessKeyId": "AKIAEXAMPLEACCESSKEY",
          "userName": "dev-alice",
          "sessionContext": {
            "sessionIssuer": {},
            "webIdFederationData": {},
            "attributes": {"creationDate": "2024-05-14T09:12:03Z", "mfaAuthenticated": "false"}
          }
        },
        "eventTime": "2024-05-14T09:14:27Z",
        "eventSource": "cloudtrail.amazonaws.com",
        "eventName": "UpdateTrail",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "198.51.100.23",
        "userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1017-aws exe/x86_64.ubuntu.22 prompt/off command/cloudtrail.update-trail",
        "requestParameters": {
          "name": "org-management-trail",
          "s3BucketName": "attacker-controlled-bucket-7731",
          "isMultiRegionTrail": false,
          "includeGlobalServiceEvents": false
        },
        "responseElements": {
          "name": "org-management-trail",
          "s3BucketName": "attacker-controlled-bucket-7731",
          "includeGlobalServiceEvents": false,
          "isMultiRegionTrail": false,
          "trailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-management-trail",
          "logFileValidationEnabled": true,
          "isOrganizationTrail": false
        },
        "requestID": "5d8a1c3e-7b2f-4e19-9a6d-0c4b2e8f1a73",
        "eventID": "c2f9e0b4-1d7a-4b3e-8f25-6a9d0e3c7b14",
        "readOnly": false,
        "resources": [
          {"accountId": "123456789012", "type": "AWS::CloudTrail::Trail",
           "ARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-management-trail"}
        ],
        "eventType": "AwsApiCall",
        "managementEvent": true,
        "recipientAccountId": "123456789012",
        "eventCategory": "Management",
        "tlsDetails": {
          "tlsVersion": "TLSv1.3",
          "cipherSuite": "TLS_AES_128_GCM_SHA256",
          "clientProvidedHostHeader": "cloudtrail.us-east-1.amazonaws.com"
        }
      }
      """;

  static final String QUERY = "data.tripline.rules.bench.alert";

  PreparedPolicy policy;
  JsonNode record;

  @Setup
  public void setup() throws Exception {
    policy = Rego.compile(Map.of("bench.rego", POLICY), ObjectValue.EMPTY);
    record = new ObjectMapper().readTree(RECORD);
    QueryResult r = policy.evaluateJson(QUERY, record, EvalOptions.DEFAULT);
    if (r.isUndefined() || r.results().get(0).expressions().get(0).value().toString().indexOf("trail_updated") < 0) {
      throw new IllegalStateException("benchmark policy does not flag the record: " + r);
    }
  }

  @Benchmark
  public QueryResult evaluateTenRules() {
    return policy.evaluateJson(QUERY, record, EvalOptions.DEFAULT);
  }
}

package io.tripline.benchmarks.reader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A CloudTrail log file ({@code {"Records":[...]}}) of realistic records for the reader benchmark:
 * a mix of IAM-user management calls, assumed-role sessions and S3 data events with resources,
 * about 1.2 KB each, as CloudTrail writes them.
 */
final class SyntheticLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "111122223333";
  private static final String[][] CALLS = {
    {"cloudtrail.amazonaws.com", "DescribeTrails"}, {"cloudtrail.amazonaws.com", "LookupEvents"},
    {"s3.amazonaws.com", "GetObject"}, {"s3.amazonaws.com", "ListObjects"}, {"iam.amazonaws.com", "ListUsers"},
    {"sts.amazonaws.com", "GetCallerIdentity"}, {"ec2.amazonaws.com", "DescribeInstances"},
    {"kms.amazonaws.com", "Decrypt"},
  };

  private SyntheticLog() {}

  static byte[] logFile(int records, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("Records");
    Instant t = Instant.parse("2024-03-14T21:00:00Z");
    for (int i = 0; i < records; i++) {
      t = t.plusMillis(random.nextInt(2000));
      array.add(record(i, t, random));
    }
    return JSON.writeValueAsBytes(root);
  }

  private static ObjectNode record(int i, Instant time, SplittableRandom random) {
    String[] call = CALLS[random.nextInt(CALLS.length)];
    ObjectNode r = JSON.createObjectNode();
    r.put("eventVersion", "1.09");
    ObjectNode id = r.putObject("userIdentity");
    if (random.nextBoolean()) {
      id.put("type", "IAMUser").put("principalId", "AIDA4QSKZE2JRNX5RAMPL")
          .put("arn", "arn:aws:iam::" + ACCOUNT + ":user/dev-" + (i % 17)).put("accountId", ACCOUNT)
          .put("accessKeyId", "AKIA4QSKZE2JEXAMPLE" + (i % 10)).put("userName", "dev-" + (i % 17));
    } else {
      id.put("type", "AssumedRole").put("principalId", "AROA4QSKZE2JWQ7EXAMPL:session-" + i)
          .put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/OpsAdmin/session-" + i).put("accountId", ACCOUNT)
          .put("accessKeyId", "ASIA4QSKZE2JTEXAMPLE");
      ObjectNode ctx = id.putObject("sessionContext");
      ctx.putObject("sessionIssuer").put("type", "Role").put("principalId", "AROA4QSKZE2JWQ7EXAMPL")
          .put("arn", "arn:aws:iam::" + ACCOUNT + ":role/OpsAdmin").put("accountId", ACCOUNT).put("userName", "OpsAdmin");
      ctx.putObject("attributes").put("creationDate", time.minusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).put("mfaAuthenticated", "false");
    }
    r.put("eventTime", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    r.put("eventSource", call[0]);
    r.put("eventName", call[1]);
    r.put("awsRegion", "us-east-1");
    r.put("sourceIPAddress", "203.0.113." + random.nextInt(256));
    r.put("userAgent", "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8");
    boolean data = call[0].equals("s3.amazonaws.com");
    ObjectNode params = r.putObject("requestParameters");
    if (data) {
      params.put("bucketName", "acme-org-cloudtrail-logs").put("Host", "acme-org-cloudtrail-logs.s3.us-east-1.amazonaws.com")
          .put("key", "AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2024/03/14/log-" + i + ".json.gz");
    } else {
      params.put("maxResults", 50).putArray("trailNameList");
    }
    r.putNull("responseElements");
    if (data) {
      r.putObject("additionalEventData").put("SignatureVersion", "SigV4").put("CipherSuite", "TLS_AES_128_GCM_SHA256")
          .put("bytesTransferredIn", 0).put("AuthenticationMethod", "AuthHeader").put("bytesTransferredOut", random.nextInt(1 << 20));
    }
    r.put("requestID", Long.toHexString(random.nextLong()).toUpperCase());
    r.put("eventID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
    r.put("readOnly", true);
    if (data) {
      ArrayNode res = r.putArray("resources");
      res.addObject().put("type", "AWS::S3::Object").put("ARN", "arn:aws:s3:::acme-org-cloudtrail-logs/log-" + i + ".json.gz");
      res.addObject().put("accountId", ACCOUNT).put("type", "AWS::S3::Bucket").put("ARN", "arn:aws:s3:::acme-org-cloudtrail-logs");
    }
    r.put("eventType", "AwsApiCall");
    r.put("managementEvent", !data);
    r.put("recipientAccountId", ACCOUNT);
    r.put("eventCategory", data ? "Data" : "Management");
    r.putObject("tlsDetails").put("tlsVersion", "TLSv1.3").put("cipherSuite", "TLS_AES_128_GCM_SHA256")
        .put("clientProvidedHostHeader", call[0].replace(".amazonaws.com", ".us-east-1.amazonaws.com"));
    return r;
  }
}

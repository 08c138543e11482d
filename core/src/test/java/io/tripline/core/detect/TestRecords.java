package io.tripline.core.detect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import java.time.Instant;

/** CloudTrail records for engine tests, shaped as AWS writes them. */
final class TestRecords {
  private TestRecords() {}

  static CloudTrailRecord call(String id, Instant time, String user, String ip, String source, String name,
      String errorCode, ObjectNode params) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode r = f.objectNode();
    r.put("eventVersion", "1.09");
    ObjectNode who = r.putObject("userIdentity");
    who.put("type", "IAMUser");
    who.put("principalId", "AIDA" + Math.abs(user.hashCode()));
    who.put("arn", "arn:aws:iam::123456789012:user/" + user);
    who.put("accountId", "123456789012");
    who.put("userName", user);
    r.put("eventTime", time.toString());
    r.put("eventSource", source);
    r.put("eventName", name);
    r.put("awsRegion", "us-east-1");
    r.put("sourceIPAddress", ip);
    r.put("userAgent", "aws-cli/2.15.30");
    if (errorCode != null) {
      r.put("errorCode", errorCode);
      r.put("errorMessage", "User is not authorized to perform: " + name);
    }
    r.set("requestParameters", params == null ? f.nullNode() : params);
    r.putNull("responseElements");
    r.put("eventID", id);
    r.put("readOnly", false);
    r.put("eventType", "AwsApiCall");
    r.put("managementEvent", true);
    r.put("recipientAccountId", "123456789012");
    return CloudTrailRecord.of(r);
  }

  static ObjectNode params(String... kv) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return p;
  }
}

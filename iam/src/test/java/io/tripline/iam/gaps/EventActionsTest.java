package io.tripline.iam.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.iam.ServiceReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventActionsTest {

  final EventActions events = new EventActions(ServiceReference.bundled());

  @Test
  void eventNamesBecomeTheActionsThatAuthorizeThem() {
    assertThat(events.action("s3.amazonaws.com", "ListObjects")).contains("s3:ListBucket");
    assertThat(events.action("s3.amazonaws.com", "ListBuckets")).contains("s3:ListAllMyBuckets");
    assertThat(events.action("lambda.amazonaws.com", "ListFunctions20150331")).contains("lambda:ListFunctions");
    assertThat(events.action("lambda.amazonaws.com", "UpdateFunctionCode20150331v2")).contains("lambda:UpdateFunctionCode");
    assertThat(events.action("cloudtrail.amazonaws.com", "LookupEvents")).contains("cloudtrail:LookupEvents");
    assertThat(events.action("sts.amazonaws.com", "GetCallerIdentity")).as("needs no permission").isEmpty();
    assertThat(events.action("signin.amazonaws.com", "ConsoleLogin")).isEmpty();
  }

  @Test
  void theResourceIsTheRecordsArnOfTheRightKindOrStar() {
    String object = "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/x.json";
    String bucket = "arn:aws:s3:::company-cloudtrail-logs";
    ActivityCall get = events.call("arn:aws:iam::123456789012:user/dev_user", "s3.amazonaws.com", "GetObject", List.of(object, bucket), null, null).orElseThrow();
    assertThat(get.resource()).isEqualTo(object);
    assertThat(events.call("u", "s3.amazonaws.com", "ListObjects", List.of(object, bucket), null, null).orElseThrow().resource()).isEqualTo(bucket);
    assertThat(events.call("u", "cloudtrail.amazonaws.com", "LookupEvents", List.of(), null, null).orElseThrow().resource()).isEqualTo("*");
    assertThat(events.call("u", "logs.amazonaws.com", "DescribeLogStreams", List.of(), null, null).orElseThrow().resource())
        .as("no ARN in the record").isEqualTo("*");
    assertThat(events.call("u", "ec2.amazonaws.com", "DescribeInstances", List.of(), "Client.UnauthorizedOperation", null).orElseThrow().denied()).isTrue();
  }
}

package io.tripline.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudTrailRecordTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static List<CloudTrailRecord> samples;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = CloudTrailRecordTest.class.getResourceAsStream("/cloudtrail/sample-log.json")) {
      samples = new ArrayList<>();
      JSON.readTree(in).get("Records").forEach(n -> samples.add(CloudTrailRecord.of((ObjectNode) n)));
    }
  }

  @Test
  void typedAccessorsReadAwsFieldNames() {
    CloudTrailRecord r = samples.get(0);

    assertThat(r.eventVersion()).isEqualTo("1.09");
    assertThat(r.eventTime()).isEqualTo(Instant.parse("2024-03-14T21:15:10Z"));
    assertThat(r.eventSource()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(r.eventName()).isEqualTo("DescribeTrails");
    assertThat(r.awsRegion()).isEqualTo("us-east-1");
    assertThat(r.sourceIPAddress()).isEqualTo("203.0.113.77");
    assertThat(r.readOnly()).contains(true);
    assertThat(r.managementEvent()).contains(true);
    assertThat(r.eventType()).isEqualTo("AwsApiCall");
    assertThat(r.eventCategory()).isEqualTo("Management");
    assertThat(r.recipientAccountId()).isEqualTo("111122223333");
    assertThat(r.requestParameters().get("includeShadowTrails").booleanValue()).isTrue();
    assertThat(r.responseElements().isNull()).isTrue();
    assertThat(r.tlsDetails().get("tlsVersion").asText()).isEqualTo("TLSv1.3");
    assertThat(r.failed()).isFalse();
  }

  @Test
  void anAssumedRoleSessionExposesItsIssuerAndAttributes() {
    UserIdentity id = samples.get(2).userIdentity();

    assertThat(id.type()).isEqualTo("AssumedRole");
    assertThat(id.accessKeyId()).isEqualTo("ASIA4QSKZE2JTEXAMPLE");
    assertThat(id.mfaAuthenticated()).contains(false);
    assertThat(id.creationDate()).contains(Instant.parse("2024-03-14T21:20:03Z"));
    assertThat(id.sessionIssuer()).hasValueSatisfying(i -> {
      assertThat(i.type()).isEqualTo("Role");
      assertThat(i.arn()).isEqualTo("arn:aws:iam::111122223333:role/OpsAdmin");
      assertThat(i.userName()).isEqualTo("OpsAdmin");
    });
    assertThat(id.sessionContext().at("/attributes/mfaAuthenticated").asText()).isEqualTo("false");
    assertThat(id.displayName()).isEqualTo("OpsAdmin");
  }

  @Test
  void aDataEventListsItsResources() {
    CloudTrailRecord r = samples.get(1);

    assertThat(r.resources()).extracting(CloudTrailRecord.Resource::type).containsExactly("AWS::S3::Object", "AWS::S3::Bucket");
    assertThat(r.resources().get(1).accountId()).isEqualTo("111122223333");
    assertThat(r.additionalEventData().get("bytesTransferredOut").intValue()).isEqualTo(48213);
  }

  @Test
  void aFailedCallAndAConsoleSession() {
    CloudTrailRecord r = samples.get(4);

    assertThat(r.failed()).isTrue();
    assertThat(r.errorCode()).isEqualTo("AccessDenied");
    assertThat(r.sessionCredentialFromConsole()).contains(true);
  }

  @Test
  void aServiceCallerIsNamedByTheService() {
    CloudTrailRecord r = samples.get(5);

    assertThat(r.userIdentity().invokedBy()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(r.userIdentity().displayName()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(r.sharedEventID()).isEqualTo("d1e8a4c7-6b3f-4a9d-8e2c-5f7b1a3d9c60");
    assertThat(r.resources()).singleElement().extracting(CloudTrailRecord.Resource::accountId).isEqualTo("444455556666");
  }

  @Test
  void aRecordWithoutAUsableEventTimeIsRejectedWithThePointer() {
    ObjectNode noTime = JSON.createObjectNode().put("eventName", "ListBuckets");
    ObjectNode badTime = JSON.createObjectNode().put("eventTime", "yesterday");

    assertThatThrownBy(() -> CloudTrailRecord.of(noTime)).isInstanceOf(InvalidRecordException.class)
        .satisfies(e -> assertThat(((InvalidRecordException) e).pointer()).isEqualTo("/eventTime"));
    assertThatThrownBy(() -> CloudTrailRecord.of(badTime)).hasMessageContaining("\"yesterday\"");
  }
}

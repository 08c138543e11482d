package io.tripline.core.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EcsDocumentTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static List<CloudTrailRecord> samples;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = EcsDocumentTest.class.getResourceAsStream("/cloudtrail/sample-log.json")) {
      samples = new ArrayList<>();
      JSON.readTree(in).get("Records").forEach(n -> samples.add(CloudTrailRecord.of((ObjectNode) n)));
    }
  }

  private static CloudTrailRecord sample(String eventName) {
    return samples.stream().filter(r -> r.eventName().equals(eventName)).findFirst().orElseThrow();
  }

  @Test
  void anIamUserApiCallMapsToTheFieldsElasticRulesQuery() {
    ObjectNode doc = EcsDocument.of(sample("DescribeTrails"));

    assertThat(doc.get("@timestamp").asText()).isEqualTo("2024-03-14T21:15:10.000Z");
    assertThat(doc.at("/event/dataset").asText()).isEqualTo("aws.cloudtrail");
    assertThat(doc.at("/event/provider").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(doc.at("/event/action").asText()).isEqualTo("DescribeTrails");
    assertThat(doc.at("/event/outcome").asText()).isEqualTo("success");
    assertThat(doc.at("/event/kind").asText()).isEqualTo("event");
    assertThat(doc.at("/event/type")).containsExactly(JSON.getNodeFactory().textNode("info"));
    assertThat(doc.at("/event/id").asText()).isEqualTo("0f3a9c2e-81d4-4b6f-a5e7-3c9d2b1f6e80");
    assertThat(doc.at("/cloud/provider").asText()).isEqualTo("aws");
    assertThat(doc.at("/cloud/account/id").asText()).isEqualTo("111122223333");
    assertThat(doc.at("/cloud/region").asText()).isEqualTo("us-east-1");
    assertThat(doc.at("/source/ip").asText()).isEqualTo("203.0.113.77");
    assertThat(doc.at("/source/address").asText()).isEqualTo("203.0.113.77");
    assertThat(doc.at("/user/name").asText()).isEqualTo("dev-mhernandez");
    assertThat(doc.at("/user/id").asText()).isEqualTo("AIDA4QSKZE2JRNX5RAMPL");
    assertThat(doc.at("/related/user/0").asText()).isEqualTo("dev-mhernandez");
    assertThat(doc.at("/user_agent/original").asText()).startsWith("aws-cli/2.15.30");
    JsonNode ct = doc.at("/aws/cloudtrail");
    assertThat(ct.at("/user_identity/type").asText()).isEqualTo("IAMUser");
    assertThat(ct.at("/user_identity/arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/dev-mhernandez");
    assertThat(ct.at("/user_identity/access_key_id").asText()).isEqualTo("AKIA4QSKZE2JEXAMPLE1");
    assertThat(ct.at("/event_version").asText()).isEqualTo("1.09");
    assertThat(ct.at("/event_type").asText()).isEqualTo("AwsApiCall");
    assertThat(ct.at("/event_category").asText()).isEqualTo("Management");
    assertThat(ct.at("/request_id").asText()).isEqualTo("5e8f1c3a-7b4d-4a1e-9c2f-0d6b8a3e1f47");
    assertThat(ct.at("/recipient_account_id").asText()).isEqualTo("111122223333");
    assertThat(ct.at("/management_event").booleanValue()).isTrue();
    assertThat(ct.at("/read_only").booleanValue()).isTrue();
    assertThat(doc.at("/tls/version").asText()).isEqualTo("1.3");
    assertThat(doc.at("/tls/version_protocol").asText()).isEqualTo("tls");
    assertThat(doc.at("/tls/cipher").asText()).isEqualTo("TLS_AES_128_GCM_SHA256");
    assertThat(doc.at("/tls/client/server_name").asText()).isEqualTo("cloudtrail.us-east-1.amazonaws.com");
  }

  @Test
  void requestParametersBecomeTheSameTextElasticIndexesPlusAFlattenedCopy() {
    ObjectNode doc = EcsDocument.of(sample("DescribeTrails"));

    // AWS logged {"includeShadowTrails": true, "trailNameList": []}: the empty list is dropped, as Elastic does.
    assertThat(doc.at("/aws/cloudtrail/request_parameters").asText()).isEqualTo("{includeShadowTrails=true}");
    assertThat(doc.at("/aws/cloudtrail/flattened/request_parameters/includeShadowTrails").booleanValue()).isTrue();
    assertThat(doc.at("/aws/cloudtrail/response_elements").isMissingNode()).as("responseElements was null").isTrue();
  }

  @Test
  void anAssumedRoleSessionIsNamedAfterItsRole() {
    ObjectNode doc = EcsDocument.of(sample("UpdateTrail"));

    assertThat(doc.at("/user/name").asText()).isEqualTo("OpsAdmin");
    assertThat(doc.at("/user/id").asText()).isEqualTo("AROA4QSKZE2JWQ7EXAMPL:ops-session-4821");
    JsonNode session = doc.at("/aws/cloudtrail/user_identity/session_context");
    assertThat(session.at("/mfa_authenticated").asText()).isEqualTo("false");
    assertThat(session.at("/creation_date").asText()).isEqualTo("2024-03-14T21:20:03.000Z");
    assertThat(session.at("/session_issuer/type").asText()).isEqualTo("Role");
    assertThat(session.at("/session_issuer/arn").asText()).isEqualTo("arn:aws:iam::111122223333:role/OpsAdmin");
    assertThat(session.at("/session_issuer/principal_id").asText()).isEqualTo("AROA4QSKZE2JWQ7EXAMPL");
    assertThat(session.at("/session_issuer/account_id").asText()).isEqualTo("111122223333");
    assertThat(doc.at("/aws/cloudtrail/flattened/response_elements/s3BucketName").asText()).isEqualTo("attacker-controlled-bucket-7731");
  }

  @Test
  void aDataEventKeepsItsResourcesWithElasticsFieldNames() {
    ObjectNode doc = EcsDocument.of(sample("GetObject"));

    assertThat(doc.at("/aws/cloudtrail/event_category").asText()).isEqualTo("Data");
    assertThat(doc.at("/aws/cloudtrail/management_event").booleanValue()).isFalse();
    assertThat(doc.at("/aws/cloudtrail/resources")).hasSize(2)
        .anySatisfy(r -> {
          assertThat(r.get("arn").asText()).isEqualTo("arn:aws:s3:::acme-org-cloudtrail-logs");
          assertThat(r.get("account_id").asText()).isEqualTo("111122223333");
          assertThat(r.get("type").asText()).isEqualTo("AWS::S3::Bucket");
        });
    assertThat(doc.at("/aws/cloudtrail/flattened/additional_eventdata/bytesTransferredOut").intValue()).isEqualTo(48213);
    assertThat(doc.at("/aws/cloudtrail/additional_eventdata").asText()).contains("bytesTransferredOut=48213");
  }

  @Test
  void aConsoleLoginIsCategorisedAsAuthenticationWithItsOutcomeFromTheResponse() {
    ObjectNode doc = EcsDocument.of(sample("ConsoleLogin"));

    assertThat(doc.at("/event/category/0").asText()).isEqualTo("authentication");
    assertThat(doc.at("/event/type/0").asText()).isEqualTo("info");
    assertThat(doc.at("/event/outcome").asText()).isEqualTo("success");
    JsonNode login = doc.at("/aws/cloudtrail/console_login/additional_eventdata");
    assertThat(login.get("mfa_used").booleanValue()).isFalse();
    assertThat(login.get("mobile_version").booleanValue()).isFalse();
    assertThat(login.get("login_to").asText()).isEqualTo("https://console.aws.amazon.com/console/home?region=us-east-1");
  }

  @Test
  void aDeniedCallIsAFailureWithItsErrorAndElasticsIamCategory() {
    ObjectNode doc = EcsDocument.of(sample("CreateAccessKey"));

    assertThat(doc.at("/event/outcome").asText()).isEqualTo("failure");
    assertThat(doc.at("/aws/cloudtrail/error_code").asText()).isEqualTo("AccessDenied");
    assertThat(doc.at("/aws/cloudtrail/error_message").asText()).contains("is not authorized to perform: iam:CreateAccessKey");
    assertThat(doc.at("/event/category/0").asText()).isEqualTo("iam");
    assertThat(doc.at("/event/type")).extracting(JsonNode::asText).containsExactly("user", "change");
  }

  @Test
  void aServiceCallerHasNoSourceIpButKeepsItsAddressAndInvokedBy() {
    ObjectNode doc = EcsDocument.of(sample("GetBucketAcl"));

    assertThat(doc.at("/source/address").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(doc.at("/source/ip").isMissingNode()).isTrue();
    assertThat(doc.at("/aws/cloudtrail/user_identity/invoked_by").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(doc.at("/aws/cloudtrail/shared_event_id").asText()).isEqualTo("d1e8a4c7-6b3f-4a9d-8e2c-5f7b1a3d9c60");
    assertThat(doc.at("/user/name").isMissingNode()).isTrue();
  }

  @Test
  void ecsDocumentsCanBeWrittenAsNdjsonForTheBulkApi() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (io.tripline.core.log.JsonLinesWriter writer = io.tripline.core.log.JsonLinesWriter.of(out, EcsDocument::of)) {
      writer.writeAll(samples);
    }

    String[] lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(samples.size());
    assertThat(JSON.readTree(lines[2]).at("/event/action").asText()).isEqualTo("UpdateTrail");
    assertThat(JSON.readTree(lines[2]).at("/event/provider").asText()).isEqualTo("cloudtrail.amazonaws.com");
  }

  @Test
  void theRecordItselfIsNotChanged() {
    CloudTrailRecord r = sample("DescribeTrails");
    String before = r.json().toString();

    EcsDocument.of(r);

    assertThat(r.json().toString()).isEqualTo(before);
  }

  @Test
  void painlessTextMatchesJavaMapRendering() throws Exception {
    JsonNode n = JSON.readTree("{\"MobileVersion\":\"No\",\"LoginTo\":\"https://console.aws.amazon.com/s3/\",\"MFAUsed\":\"No\",\"n\":[1,2.5,{\"a\":null}]}");

    // Elastic's own test expectation for the first three keys is {LoginTo=..., MobileVersion=No, MFAUsed=No}.
    assertThat(PainlessText.of(n)).isEqualTo("{LoginTo=https://console.aws.amazon.com/s3/, MobileVersion=No, MFAUsed=No, n=[1, 2.5, {a=null}]}");
  }
}

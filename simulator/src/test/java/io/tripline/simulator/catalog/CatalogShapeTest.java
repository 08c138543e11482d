package io.tripline.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.Fixtures;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog entry, synthesized and compared with what AWS writes for it: the hand-written
 * table in fixtures/expected-shapes.txt, plus the fields every record of that kind carries.
 */
class CatalogShapeTest {

  /** The order AWS writes record fields in ("CloudTrail record contents"). */
  static final List<String> FIELD_ORDER = List.of("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
      "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "requestParameters", "responseElements",
      "additionalEventData", "requestID", "eventID", "readOnly", "resources", "eventType", "apiVersion", "managementEvent",
      "recipientAccountId", "sharedEventID", "serviceEventDetails", "vpcEndpointId", "eventCategory", "tlsDetails", "sessionCredentialFromConsole");

  /** Access-denied error codes per service, as their protocols write them. */
  static final Map<String, String> DENIED = Map.ofEntries(Map.entry("s3", "AccessDenied"), Map.entry("iam", "AccessDenied"),
      Map.entry("sts", "AccessDenied"), Map.entry("monitoring", "AccessDenied"), Map.entry("cloudtrail", "AccessDeniedException"),
      Map.entry("guardduty", "AccessDeniedException"), Map.entry("config", "AccessDeniedException"),
      Map.entry("logs", "AccessDeniedException"), Map.entry("events", "AccessDeniedException"),
      Map.entry("organizations", "AccessDeniedException"), Map.entry("kms", "AccessDeniedException"),
      Map.entry("lambda", "AccessDeniedException"), Map.entry("ec2", "Client.UnauthorizedOperation"));

  record Expected(String call, String eventName, boolean readOnly, String category, List<String> request,
      List<String> response, List<String> resourceTypes) {}

  static List<Expected> expectations() throws IOException {
    try (InputStream in = CatalogShapeTest.class.getResourceAsStream("/fixtures/expected-shapes.txt")) {
      List<Expected> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
        out.add(new Expected(f[0], f[1], Boolean.parseBoolean(f[2]), f[3], list(f[4]), list(f[5]), f[6].equals("-") ? List.of() : List.of(f[6].split(","))));
      }
      return out;
    }
  }

  private static List<String> list(String s) {
    return s.equals("null") ? null : List.of(s.split(","));
  }

  static Stream<Expected> cases() throws IOException {
    return expectations().stream();
  }

  /** Parameters a script would give; everything else comes from the catalog's defaults and the account. */
  static String params(String call) {
    String service = call.substring(0, call.indexOf(':'));
    return switch (call) {
      case "s3:ListBuckets", "iam:ListUsers", "iam:ListRoles", "iam:GetAccountAuthorizationDetails" -> "{}";
      case "s3:GetObject", "s3:HeadObject", "s3:PutObject", "s3:DeleteObject" ->
          "{bucketName: main-trail-logs, key: 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/14/f.json.gz'}";
      case "cloudtrail:PutEventSelectors" -> "{trailName: main, eventSelectors: [{readWriteType: All, includeManagementEvents: true}]}";
      case "cloudtrail:UpdateTrail" -> "{name: main, s3BucketName: main-trail-logs}";
      case "cloudtrail:CreateTrail" -> "{name: second, s3BucketName: main-trail-logs}";
      case "cloudtrail:CancelQuery" -> "{queryId: 0f6b3c1e-2f0a-4a4e-9a51-2f7d1c0e9b11}";
      case "iam:DeleteAccessKey" -> "{userName: bob, accessKeyId: AKIAEXAMPLEEXAMPLE12}";
      case "iam:CreatePolicyVersion" -> "{policyArn: 'arn:aws:iam::111122223333:policy/ops'}";
      case "iam:DeleteUserPolicy" -> "{userName: bob, policyName: inline}";
      case "sts:AssumeRole" -> "{roleArn: 'arn:aws:iam::111122223333:role/Ops', roleSessionName: ops}";
      case "sts:GetFederationToken" -> "{name: carol}";
      case "lambda:CreateFunction", "lambda:UpdateFunctionCode" -> "{functionName: orders}";
      default -> switch (service) {
        case "s3" -> "{bucketName: main-trail-logs}";
        case "iam" -> "{userName: bob}";
        default -> "{}";
      };
    };
  }

  private static CloudTrailRecord synthesize(String call, String outcome) {
    String yaml = Fixtures.oneStep(Fixtures.CLI_USER, "call: " + call + "\nparams: " + params(call) + "\noutcome: " + outcome);
    SimulationResult r = new Simulator(Fixtures.CATALOG).run(Fixtures.scenario(yaml), SimulationOptions.defaults());
    assertThat(r.records()).as(call + " must be recorded by the test account's trail").hasSize(1);
    return r.records().get(0);
  }

  @Test
  void everyCatalogEntryHasAHandWrittenExpectation() throws IOException {
    assertThat(expectations()).extracting(Expected::call).containsExactlyInAnyOrderElementsOf(Fixtures.CATALOG.names());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void successfulCallLooksAsAwsWritesIt(Expected e) {
    CloudTrailRecord r = synthesize(e.call(), "success");
    String service = e.call().substring(0, e.call().indexOf(':'));
    JsonNode json = r.json();
    assertThat(fieldsIn(json)).as("field order").isSubsetOf(FIELD_ORDER).isSortedAccordingTo((a, b) -> FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
    assertThat(r.eventSource()).isEqualTo(service + ".amazonaws.com");
    assertThat(r.eventName()).isEqualTo(e.eventName());
    assertThat(r.readOnly()).contains(e.readOnly());
    assertThat(r.eventCategory()).isEqualTo(e.category());
    assertThat(r.managementEvent()).contains(e.category().equals("Management"));
    assertThat(r.eventType()).isEqualTo(e.call().equals("signin:ConsoleLogin") ? "AwsConsoleSignIn"
        : e.call().equals("kms:RotateKey") ? "AwsServiceEvent" : "AwsApiCall");
    if (r.eventType().equals("AwsServiceEvent")) {
      assertThat(r.userIdentity().json().toString()).isEqualTo("{\"accountId\":\"111122223333\",\"invokedBy\":\"kms.amazonaws.com\"}");
      assertThat(r.sourceIPAddress()).isEqualTo("kms.amazonaws.com");
      assertThat(json.has("requestID")).isFalse();
      assertThat(json.has("tlsDetails")).isFalse();
      assertThat(r.serviceEventDetails().path("keyId").asText()).startsWith("arn:aws:kms:");
      return;
    }
    assertThat(r.recipientAccountId()).isEqualTo("111122223333");
    assertThat(r.eventID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(r.errorCode()).isNull();
    if (e.request() == null) {
      assertThat(r.requestParameters().isNull()).as("requestParameters null").isTrue();
    } else {
      assertThat(fieldsIn(r.requestParameters())).as("requestParameters").containsExactlyElementsOf(e.request());
    }
    if (e.response() == null) {
      assertThat(r.responseElements().isNull()).as("responseElements null").isTrue();
    } else {
      assertThat(fieldsIn(r.responseElements())).as("responseElements").containsExactlyElementsOf(e.response());
    }
    assertThat(r.resources()).extracting(CloudTrailRecord.Resource::type).containsExactlyElementsOf(e.resourceTypes());
    assertThat(r.tlsDetails().path("tlsVersion").asText()).isEqualTo("TLSv1.3");
    assertThat(r.tlsDetails().path("clientProvidedHostHeader").asText())
        .matches(service.equals("signin") ? "signin\\.aws\\.amazon\\.com" : "[a-z0-9.-]+\\.amazonaws\\.com");
    assertThat(json.toString()).doesNotContain("${");
    switch (service) {
      case "s3" -> {
        assertThat(r.userAgent()).startsWith("[").endsWith("]");
        assertThat(r.requestID()).matches("[0-9A-F]{16}");
        assertThat(r.requestParameters().path("Host").asText()).endsWith(".amazonaws.com");
        assertThat(fieldsIn(r.additionalEventData())).contains("SignatureVersion", "CipherSuite", "bytesTransferredIn",
            "AuthenticationMethod", "x-amz-id-2", "bytesTransferredOut");
      }
      case "signin" -> {
        assertThat(json.has("requestID")).isFalse();
        assertThat(r.userIdentity().json().has("accessKeyId")).as("no credentials before sign-in").isFalse();
        assertThat(fieldsIn(r.additionalEventData())).containsExactly("LoginTo", "MobileVersion", "MFAUsed");
      }
      default -> assertThat(r.requestID()).matches("[0-9a-f-]{36}");
    }
    if (List.of("iam", "sts", "signin", "organizations").contains(service)) {
      assertThat(r.awsRegion()).as("global services log in us-east-1").isEqualTo("us-east-1");
    }
  }

  /** Calls a principal makes (AWS service events such as key rotation are never denied). */
  static Stream<Expected> callerCases() throws IOException {
    return expectations().stream().filter(e -> !e.call().equals("kms:RotateKey"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callerCases")
  void deniedCallIsWrittenWithTheServiceError(Expected e) {
    CloudTrailRecord r = synthesize(e.call(), "denied");
    String service = e.call().substring(0, e.call().indexOf(':'));
    if (service.equals("signin")) {
      assertThat(r.errorCode()).isNull();
      assertThat(r.errorMessage()).isEqualTo("Failed authentication");
      assertThat(r.responseElements().toString()).isEqualTo("{\"ConsoleLogin\":\"Failure\"}");
      return;
    }
    assertThat(r.errorCode()).isEqualTo(DENIED.get(service));
    assertThat(r.errorMessage()).isNotBlank().doesNotContain("${");
    if (!service.equals("s3") && !service.equals("organizations")) {
      assertThat(r.errorMessage()).contains("arn:aws:iam::111122223333:user/alice").contains(e.call().replace("monitoring:", "cloudwatch:"));
    }
    assertThat(r.responseElements().isNull()).isTrue();
    assertThat(fieldsIn(r.json())).containsSubsequence("userAgent", "errorCode", "errorMessage", "requestParameters");
  }

  @Test
  void consoleSessionsCarrySessionContextAndTheConsoleFlag() {
    String yaml = Fixtures.oneStep("type: IAMUser\nuserName: dev\nvia: console\nsourceIp: 185.143.221.89", "call: cloudtrail:DescribeTrails");
    CloudTrailRecord r = new Simulator(Fixtures.CATALOG).run(Fixtures.scenario(yaml), SimulationOptions.defaults()).records().get(0);
    JsonNode id = r.userIdentity().json();
    assertThat(id.path("accessKeyId").asText()).startsWith("ASIA");
    assertThat(id.path("sessionContext").path("attributes").path("mfaAuthenticated").asText()).isEqualTo("false");
    assertThat(r.json().path("sessionCredentialFromConsole").asText()).isEqualTo("true");
    assertThat(id.path("invokedBy").asText()).isEqualTo("signin.amazonaws.com");
    assertThat(r.userAgent()).startsWith("signin.amazonaws.com");
    assertThat(r.sourceIPAddress()).isEqualTo("185.143.221.89");
  }

  @Test
  void consoleLoginWithMfaNamesTheDevice() {
    String yaml = Fixtures.oneStep("type: IAMUser\nuserName: jane\nvia: console\nmfa: true\nsourceIp: 192.0.2.4", "call: signin:ConsoleLogin");
    CloudTrailRecord r = new Simulator(Fixtures.CATALOG).run(Fixtures.scenario(yaml), SimulationOptions.defaults()).records().get(0);
    assertThat(r.additionalEventData().toString()).contains("\"MobileVersion\":\"No\",\"MFAIdentifier\":\"arn:aws:iam::111122223333:mfa/jane\",\"MFAUsed\":\"Yes\"");
  }

  @Test
  void ec2UsesXmlStyleParametersAndAwsServicesNameThemselves() {
    CloudTrailRecord r = synthesize("ec2:DeleteFlowLogs", "success");
    assertThat(r.requestParameters().toString()).isEqualTo("{\"DeleteFlowLogsRequest\":{\"FlowLogId\":{\"content\":\"fl-0123456789abcdef0\",\"tag\":1}}}");
    String yaml = Fixtures.oneStep("type: AWSService\nservice: config.amazonaws.com", "call: iam:ListRoles");
    CloudTrailRecord svc = new Simulator(Fixtures.CATALOG).run(Fixtures.scenario(yaml), SimulationOptions.defaults()).records().get(0);
    assertThat(svc.userIdentity().json().toString()).isEqualTo("{\"type\":\"AWSService\",\"invokedBy\":\"config.amazonaws.com\"}");
    assertThat(svc.sourceIPAddress()).isEqualTo("config.amazonaws.com");
    assertThat(svc.userAgent()).isEqualTo("config.amazonaws.com");
    assertThat(svc.json().has("tlsDetails")).isFalse();
  }

  private static List<String> fieldsIn(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  static Stream<String> names() {
    return Fixtures.CATALOG.names().stream().filter(n -> !n.equals("kms:RotateKey"));
  }

  /** A refused call returns an error document: no response elements and no payload sizes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void deniedCallsCarryNoResponseAndNoPayload(String call) {
    JsonNode json = synthesize(call, "denied").json();
    if (call.equals("signin:ConsoleLogin")) {
      assertThat(json.path("responseElements").path("ConsoleLogin").asText()).isEqualTo("Failure");
    } else {
      assertThat(json.path("responseElements").isNull()).as("responseElements").isTrue();
    }
    JsonNode extra = json.path("additionalEventData");
    for (String size : List.of("bytesTransferredIn", "bytesTransferredOut")) {
      if (extra.has(size)) {
        assertThat(extra.get(size).asLong()).as(size).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"NoSuchKey", "denied", "NoSuchBucket"})
  void aFailedGetObjectTransfersNothing(String outcome) {
    String yaml = Fixtures.oneStep(Fixtures.CLI_USER, "call: s3:GetObject\nparams: {bucketName: main-trail-logs, key: AWSLogs/x.json.gz, "
        + "bytesTransferredOut: 48213}\noutcome: " + outcome);
    JsonNode json = new Simulator(Fixtures.CATALOG).run(Fixtures.scenario(yaml), SimulationOptions.defaults()).records().get(0).json();
    assertThat(json.path("errorCode").asText()).isIn("NoSuchKey", "AccessDenied", "NoSuchBucket");
    assertThat(json.path("additionalEventData").path("bytesTransferredOut").asLong()).isZero();
    assertThat(json.path("responseElements").isNull()).isTrue();
  }
}

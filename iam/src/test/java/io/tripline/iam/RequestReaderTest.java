package io.tripline.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request format of {@code tripline iam evaluate}, enforced with JSON-pointer errors. */
class RequestReaderTest {

  private final RequestReader reader = new RequestReader(ServiceReference.bundled());

  @Test
  void readsTheDocumentedFormat() {
    RequestBatch b = reader.read("""
        {"principal": {"arn": "arn:aws:sts::123456789012:assumed-role/Dev/alice"},
         "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "resourceAccount": "123456789012",
         "context": {"aws:SourceIp": "203.0.113.7", "aws:TagKeys": ["a", "b"]},
         "identityPolicies": [{"name": "p", "document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3A*%22%2C%22Resource%22%3A%22*%22%7D%7D"}],
         "scps": [{"target": "root", "policies": [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}],
         "resourcePolicy": {"resourceType": "AWS::S3::Bucket", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}}}
        """);
    assertThat(b.errors()).isEmpty();
    AccessRequest r = b.requests().get(0);
    assertThat(r.principal().type()).isEqualTo(PrincipalType.ASSUMED_ROLE_SESSION);
    assertThat(r.principal().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/Dev");
    assertThat(r.principal().accountId()).isEqualTo("123456789012");
    assertThat(r.context().get("AWS:TAGKEYS")).containsExactly("a", "b");
    assertThat(r.scps()).hasSize(1);
    assertThat(r.identityPolicies().get(0).document().statements()).hasSize(1);
  }

  @Test
  void schemaViolationsCarryTheirPointer() {
    RequestBatch b = reader.read("""
        [{"principal": {"arn": "arn:aws:iam::123456789012:user/u"}, "action": "s3:GetObject", "resource": "*"},
         {"principal": {"arn": "arn:aws:iam::123456789012:user/u", "type": "User"}, "action": "s3:Get*", "resource": "*",
          "context": {"aws:SourceIp": 5}, "scps": [{"target": "org", "policies": []}]}]
        """);
    assertThat(b.ok()).isFalse();
    assertThat(b.array()).isTrue();
    assertThat(b.errors()).extracting(RequestProblem::pointer)
        .contains("/1/principal/type", "/1/action", "/1/context/aws:SourceIp", "/1/scps/0/target");
    assertThat(b.requests()).isEmpty();
  }

  @Test
  void missingRequiredFieldsAndUnknownFieldsAreErrors() {
    RequestBatch b = reader.read("{\"principal\": {\"arn\": \"arn:aws:iam::123456789012:user/u\"}, \"action\": \"s3:GetObject\", \"resourse\": \"*\"}");
    assertThat(b.errors()).hasSize(2);
    assertThat(b.errors()).extracting(RequestProblem::message).anySatisfy(m -> assertThat(m).contains("resource"));
  }

  @Test
  void policyErrorsArePointedInsideTheRequest() {
    RequestBatch b = reader.read("""
        {"principal": {"arn": "arn:aws:iam::123456789012:user/u"}, "action": "s3:GetObject", "resource": "*",
         "permissionsBoundary": {"name": "b", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*"}]}}}
        """);
    assertThat(b.errors()).extracting(RequestProblem::pointer).containsExactly("/permissionsBoundary/document/Statement/0");
  }

  @Test
  void aPrincipalWhoseTypeCannotBeInferredIsAnError() {
    RequestBatch b = reader.read("{\"principal\": {\"arn\": \"arn:aws:iam::123456789012:group/devs\"}, \"action\": \"s3:GetObject\", \"resource\": \"*\"}");
    assertThat(b.errors()).extracting(RequestProblem::pointer).containsExactly("/principal/type");
  }

  @Test
  void unknownActionsInPoliciesAreWarnings() {
    RequestBatch b = reader.read("""
        {"principal": {"arn": "arn:aws:iam::123456789012:user/u"}, "action": "s3:GetObject", "resource": "*",
         "identityPolicies": [{"document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["cloudtrail:LookupEvent", "cloudtrail:Lookup*"], "Resource": "*"}]}}]}
        """);
    assertThat(b.ok()).isTrue();
    assertThat(b.warnings()).hasSize(1);
    assertThat(b.warnings().get(0).message()).contains("cloudtrail:LookupEvent");
  }
}

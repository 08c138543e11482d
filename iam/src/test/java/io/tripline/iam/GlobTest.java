package io.tripline.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * Wildcard rules of "IAM JSON policy elements: Resource" (Using wildcards in resource ARNs) and
 * "IAM JSON policy elements: Action".
 */
class GlobTest {

  private static boolean arn(String pattern, String resource) {
    return Glob.compile(pattern, Glob.Mode.RESOURCE_ARN).matches(resource);
  }

  @Test
  void aWildcardInsideARegionSegmentDoesNotCrossAColon() {
    assertThat(arn("arn:aws:ec2:us-*-1:123456789012:instance/i-1", "arn:aws:ec2:us-east-1:123456789012:instance/i-1")).isTrue();
    assertThat(arn("arn:aws:ec2:us*1:123456789012:instance/i-1", "arn:aws:ec2:us:x:1:123456789012:instance/i-1")).isFalse();
  }

  @Test
  void aWildcardEndingASegmentMayCrossColons() {
    assertThat(arn("arn:aws:logs:us-east-1:*", "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s")).isTrue();
    assertThat(arn("arn:aws:logs:*:123456789012:log-group:*", "arn:aws:logs:eu-west-1:123456789012:log-group:g:log-stream:s")).isTrue();
  }

  @Test
  void resourceMatchingIsCaseSensitiveAndQuestionMarkIsOneCharacter() {
    assertThat(arn("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob")).isFalse();
    assertThat(arn("arn:aws:s3:::log?", "arn:aws:s3:::logs")).isTrue();
    assertThat(arn("arn:aws:s3:::log?", "arn:aws:s3:::log")).isFalse();
  }

  @Test
  void literalPositionsAreNotWildcards() {
    BitSet literal = new BitSet();
    literal.set(14);
    assertThat(Glob.compile("arn:aws:s3:::b*", literal, Glob.Mode.RESOURCE_ARN).matches("arn:aws:s3:::b*")).isTrue();
    assertThat(Glob.compile("arn:aws:s3:::b*", literal, Glob.Mode.RESOURCE_ARN).matches("arn:aws:s3:::bx")).isFalse();
  }

  @Test
  void actionsIgnoreCase() {
    assertThat(Glob.compile("CloudTrail:*Trail*", Glob.Mode.ACTION).matches("cloudtrail:UpdateTrail")).isTrue();
    assertThat(Glob.compile("cloudtrail:*", Glob.Mode.ACTION).matches("cloudtrail-data:PutAuditEvents")).isFalse();
  }
}

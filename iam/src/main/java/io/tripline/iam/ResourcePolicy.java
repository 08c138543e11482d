package io.tripline.iam;

import io.tripline.iam.policy.PolicyDocument;

/**
 * The resource-based policy of the resource a request targets.
 *
 * @param resourceType CloudFormation-style type such as {@code AWS::S3::Bucket}; {@code
 *     AWS::IAM::Role} (trust policy) and {@code AWS::KMS::Key} (key policy) must allow on their own
 * @param document the policy
 */
public record ResourcePolicy(String resourceType, PolicyDocument document) {

  /** IAM role trust policies and KMS key policies must grant access themselves, even in the same account. */
  public boolean mustAllowExplicitly() {
    return "AWS::IAM::Role".equals(resourceType) || "AWS::KMS::Key".equals(resourceType);
  }
}

package io.tripline.iam.access;

import io.tripline.iam.PolicyLevel;
import io.tripline.iam.policy.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource context of an account: its trails and the bucket policies of buckets Tripline knows,
 * plus the SCPs over the account, if given.
 *
 * @param trails the trails ({@code describe-trails} output)
 * @param bucketPolicies bucket name to its bucket policy
 * @param scps service control policies of the account, level by level (empty when unknown)
 */
public record AccountResources(List<Trail> trails, Map<String, PolicyDocument> bucketPolicies, List<PolicyLevel> scps) {

  public AccountResources {
    trails = List.copyOf(trails);
    bucketPolicies = Map.copyOf(bucketPolicies);
    scps = List.copyOf(scps);
  }

  public static AccountResources none() {
    return new AccountResources(List.of(), Map.of(), List.of());
  }

  /** The bucket policy that applies to an S3 bucket or object ARN, if known. */
  public Optional<PolicyDocument> bucketPolicyFor(String resourceArn) {
    if (!resourceArn.startsWith("arn:aws:s3:::")) {
      return Optional.empty();
    }
    String rest = resourceArn.substring("arn:aws:s3:::".length());
    int slash = rest.indexOf('/');
    return Optional.ofNullable(bucketPolicies.get(slash < 0 ? rest : rest.substring(0, slash)));
  }

  /** Whether {@code bucket} receives a trail's logs. */
  public boolean isTrailBucket(String bucket) {
    return trails.stream().anyMatch(t -> t.bucket().equals(bucket));
  }
}

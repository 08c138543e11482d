package io.tripline.iam.account;

import java.util.List;

/**
 * An IAM user as GetAccountAuthorizationDetails describes it.
 *
 * @param permissionsBoundaryArn the managed policy used as permissions boundary, or null
 */
public record IamUser(
    String arn,
    String name,
    String id,
    String path,
    List<String> groups,
    List<InlinePolicy> inlinePolicies,
    List<AttachedPolicy> attachedPolicies,
    String permissionsBoundaryArn,
    List<Tag> tags) {
  public IamUser {
    groups = List.copyOf(groups);
    inlinePolicies = List.copyOf(inlinePolicies);
    attachedPolicies = List.copyOf(attachedPolicies);
    tags = List.copyOf(tags);
  }
}

package io.tripline.iam.account;

import java.util.List;

/** An IAM group with its policies. */
public record IamGroup(String arn, String name, String id, String path, List<InlinePolicy> inlinePolicies, List<AttachedPolicy> attachedPolicies) {
  public IamGroup {
    inlinePolicies = List.copyOf(inlinePolicies);
    attachedPolicies = List.copyOf(attachedPolicies);
  }
}

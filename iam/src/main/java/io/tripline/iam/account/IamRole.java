package io.tripline.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An IAM role as GetAccountAuthorizationDetails describes it.
 *
 * @param trustPolicy the AssumeRolePolicyDocument, decoded JSON (null when absent)
 * @param permissionsBoundaryArn the managed policy used as permissions boundary, or null
 */
public record IamRole(
    String arn,
    String name,
    String id,
    String path,
    JsonNode trustPolicy,
    List<InlinePolicy> inlinePolicies,
    List<AttachedPolicy> attachedPolicies,
    String permissionsBoundaryArn,
    List<Tag> tags,
    List<InstanceProfile> instanceProfiles) {
  public IamRole {
    inlinePolicies = List.copyOf(inlinePolicies);
    attachedPolicies = List.copyOf(attachedPolicies);
    tags = List.copyOf(tags);
    instanceProfiles = List.copyOf(instanceProfiles);
  }

  /** Service-linked roles live under the path {@code /aws-service-role/}; SCPs do not apply to them. */
  public boolean serviceLinked() {
    return path != null && path.startsWith("/aws-service-role/");
  }
}

package io.tripline.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A managed policy (customer- or AWS-managed) with its versions.
 *
 * @param arn the policy ARN
 * @param name the policy name
 * @param id the policy id
 * @param path the path
 * @param defaultVersionId the version in force
 * @param attachmentCount how many identities it is attached to
 * @param permissionsBoundaryUsageCount how many identities use it as permissions boundary
 * @param versions the versions the export or API returned
 */
public record ManagedPolicy(
    String arn,
    String name,
    String id,
    String path,
    String defaultVersionId,
    int attachmentCount,
    int permissionsBoundaryUsageCount,
    List<PolicyVersion> versions) {
  public ManagedPolicy {
    versions = List.copyOf(versions);
  }

  /** The document of the default version: the one marked default, else the one named by defaultVersionId. */
  public Optional<JsonNode> defaultDocument() {
    return versions.stream()
        .filter(v -> v.defaultVersion() || (defaultVersionId != null && defaultVersionId.equals(v.versionId())))
        .map(PolicyVersion::document)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }
}

package io.tripline.core.ecs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ECS {@code event.category} and {@code event.type} for the API calls Elastic's CloudTrail pipeline
 * categorises (its "Add ECS categorization" script, keyed by eventName). Every other call gets only
 * Elastic's default: {@code event.kind: event}, {@code event.type: [info]}, no category.
 */
final class EcsCategorization {

  record Categories(List<String> category, List<String> type) {}

  private static final Map<String, Categories> BY_ACTION = Map.ofEntries(
      entry("AddUserToGroup", List.of("iam"), List.of("group", "change")),
      entry("AssumeRole", List.of("authentication"), List.of("info")),
      entry("AttachGroupPolicy", List.of("iam"), List.of("group", "change")),
      entry("AttachUserPolicy", List.of("iam"), List.of("user", "change")),
      entry("ChangePassword", List.of("iam"), List.of("user", "change")),
      entry("ConsoleLogin", List.of("authentication"), List.of("info")),
      entry("CreateAccessKey", List.of("iam"), List.of("user", "change")),
      entry("CreateBucket", List.of("file"), List.of("creation")),
      entry("CreateGroup", List.of("iam"), List.of("group", "creation")),
      entry("CreateKeyPair", List.of("iam"), List.of("admin", "creation")),
      entry("CreateUser", List.of("iam"), List.of("user", "creation")),
      entry("CreateVirtualMFADevice", List.of("iam"), List.of("user", "change")),
      entry("DeactivateMFADevice", List.of("iam"), List.of("user", "change")),
      entry("DeleteAccessKey", List.of("iam"), List.of("user", "change")),
      entry("DeleteBucket", List.of("file"), List.of("deletion")),
      entry("DeleteGroup", List.of("iam"), List.of("group", "deletion")),
      entry("DeleteGroupPolicy", List.of("iam"), List.of("group", "change")),
      entry("DeleteSSHPublicKey", List.of("iam"), List.of("user", "change")),
      entry("DeleteUser", List.of("iam"), List.of("user", "deletion")),
      entry("DeleteUserPermissionsBoundary", List.of("iam"), List.of("user", "change")),
      entry("DeleteUserPolicy", List.of("iam"), List.of("user", "change")),
      entry("DeleteVirtualMFADevice", List.of("iam"), List.of("user", "change")),
      entry("DetachGroupPolicy", List.of("iam"), List.of("group", "change")),
      entry("DetachUserPolicy", List.of("iam"), List.of("user", "change")),
      entry("EnableMFADevice", List.of("iam"), List.of("user", "change")),
      entry("GetGroup", List.of("iam"), List.of("group", "info")),
      entry("GetGroupPolicy", List.of("iam"), List.of("group", "info")),
      entry("GetUser", List.of("iam"), List.of("user", "info")),
      entry("GetUserPolicy", List.of("iam"), List.of("user", "info")),
      entry("ListAttachedGroupPolicies", List.of("iam"), List.of("group", "info")),
      entry("ListAttachedUserPolicies", List.of("iam"), List.of("user", "info")),
      entry("ListGroupPolicies", List.of("iam"), List.of("group", "info")),
      entry("ListGroups", List.of("iam"), List.of("group", "info")),
      entry("ListGroupsForUser", List.of("iam"), List.of("user", "info")),
      entry("ListUserPolicies", List.of("iam"), List.of("user", "info")),
      entry("ListUsers", List.of("iam"), List.of("user", "info")),
      entry("ListUserTags", List.of("iam"), List.of("user", "info")),
      entry("PutGroupPolicy", List.of("iam"), List.of("group", "change")),
      entry("PutUserPermissionsBoundary", List.of("iam"), List.of("user", "change")),
      entry("PutUserPolicy", List.of("iam"), List.of("user", "change")),
      entry("RemoveUserFromGroup", List.of("iam"), List.of("group", "change")),
      entry("SetDefaultPolicyVersion", List.of("iam"), List.of("admin", "change")),
      entry("SetSecurityTokenServicePreferences", List.of("iam"), List.of("admin", "change")),
      entry("TagUser", List.of("iam"), List.of("user", "change")),
      entry("UntagUser", List.of("iam"), List.of("user", "change")),
      entry("UpdateAccessKey", List.of("iam"), List.of("user", "change")),
      entry("UpdateAccountPasswordPolicy", List.of("iam"), List.of("admin", "change")),
      entry("UpdateGroup", List.of("iam"), List.of("group", "change")),
      entry("UpdateLoginProfile", List.of("iam"), List.of("user", "change")),
      entry("UpdateRole", List.of("iam"), List.of("admin", "change")),
      entry("UpdateSSHPublicKey", List.of("iam"), List.of("user", "change")),
      entry("UpdateUser", List.of("iam"), List.of("user", "change")));

  private EcsCategorization() {}

  static Optional<Categories> of(String eventName) {
    return eventName == null ? Optional.empty() : Optional.ofNullable(BY_ACTION.get(eventName));
  }

  private static Map.Entry<String, Categories> entry(String action, List<String> category, List<String> type) {
    return Map.entry(action, new Categories(category, type));
  }
}

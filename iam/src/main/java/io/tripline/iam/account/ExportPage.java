package io.tripline.iam.account;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.iam.policy.PolicyText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of {@code get-account-authorization-details} output (AWS CLI form, or raw API
 * form with URL-encoded documents) into {@link AccountAuthorizationDetails}, naming the page and
 * JSON pointer of anything malformed.
 */
final class ExportPage {

  private final ObjectMapper mapper;
  private final String where;

  ExportPage(ObjectMapper mapper, String where) {
    this.mapper = mapper;
    this.where = where;
  }

  AccountAuthorizationDetails read(JsonNode page) throws AccountDataException {
    JsonPointer root = JsonPointer.empty();
    if (!page.isObject()) {
      throw error(root, "expected the JSON object that get-account-authorization-details prints (UserDetailList, GroupDetailList, RoleDetailList, Policies)");
    }
    boolean known = page.has("UserDetailList") || page.has("GroupDetailList") || page.has("RoleDetailList") || page.has("Policies");
    if (!known) {
      throw error(root, "no UserDetailList, GroupDetailList, RoleDetailList or Policies: is this `aws iam get-account-authorization-details` output?");
    }
    return new AccountAuthorizationDetails(
        list(page, "UserDetailList", this::user), list(page, "GroupDetailList", this::group),
        list(page, "RoleDetailList", this::role), list(page, "Policies", this::policy));
  }

  private interface Reader<T> {
    T read(JsonNode node, JsonPointer at) throws AccountDataException;
  }

  private <T> List<T> list(JsonNode page, String field, Reader<T> reader) throws AccountDataException {
    List<T> out = new ArrayList<>();
    JsonNode arr = page.get(field);
    JsonPointer at = JsonPointer.empty().appendProperty(field);
    if (arr == null || arr.isNull()) {
      return out;
    }
    if (!arr.isArray()) {
      throw error(at, "must be an array");
    }
    for (int i = 0; i < arr.size(); i++) {
      JsonNode item = arr.get(i);
      if (!item.isObject()) {
        throw error(at.appendIndex(i), "must be an object");
      }
      out.add(reader.read(item, at.appendIndex(i)));
    }
    return out;
  }

  private IamUser user(JsonNode n, JsonPointer at) throws AccountDataException {
    return new IamUser(arn(n, "Arn", at, "user/"), required(n, "UserName", at), optional(n, "UserId", at, null), optional(n, "Path", at, "/"),
        strings(n, "GroupList", at), inline(n, "UserPolicyList", at), attached(n, at),
        boundary(n, at), tags(n, at));
  }

  private IamGroup group(JsonNode n, JsonPointer at) throws AccountDataException {
    return new IamGroup(arn(n, "Arn", at, "group/"), required(n, "GroupName", at), optional(n, "GroupId", at, null), optional(n, "Path", at, "/"),
        inline(n, "GroupPolicyList", at), attached(n, at));
  }

  private IamRole role(JsonNode n, JsonPointer at) throws AccountDataException {
    List<InstanceProfile> profiles = new ArrayList<>();
    List<JsonNode> ips = objects(n, "InstanceProfileList", at);
    for (int i = 0; i < ips.size(); i++) {
      JsonNode ip = ips.get(i);
      JsonPointer ipAt = at.appendProperty("InstanceProfileList").appendIndex(i);
      List<String> roleArns = new ArrayList<>();
      List<JsonNode> roles = objects(ip, "Roles", ipAt);
      for (int j = 0; j < roles.size(); j++) {
        roleArns.add(optional(roles.get(j), "Arn", ipAt.appendProperty("Roles").appendIndex(j), ""));
      }
      profiles.add(new InstanceProfile(required(ip, "Arn", ipAt), optional(ip, "InstanceProfileName", ipAt, null), optional(ip, "InstanceProfileId", ipAt, null), optional(ip, "Path", ipAt, "/"), roleArns));
    }
    return new IamRole(arn(n, "Arn", at, "role/"), required(n, "RoleName", at), optional(n, "RoleId", at, null), optional(n, "Path", at, "/"),
        document(n.get("AssumeRolePolicyDocument"), at.appendProperty("AssumeRolePolicyDocument")),
        inline(n, "RolePolicyList", at), attached(n, at),
        boundary(n, at), tags(n, at), profiles);
  }

  private ManagedPolicy policy(JsonNode n, JsonPointer at) throws AccountDataException {
    List<PolicyVersion> versions = new ArrayList<>();
    List<JsonNode> vs = objects(n, "PolicyVersionList", at);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      JsonPointer vAt = at.appendProperty("PolicyVersionList").appendIndex(i);
      versions.add(new PolicyVersion(optional(v, "VersionId", vAt, null), flag(v, "IsDefaultVersion", vAt), requiredDocument(v, "Document", vAt)));
    }
    return new ManagedPolicy(arn(n, "Arn", at, "policy/"), required(n, "PolicyName", at), optional(n, "PolicyId", at, null), optional(n, "Path", at, "/"),
        optional(n, "DefaultVersionId", at, null), count(n, "AttachmentCount", at), count(n, "PermissionsBoundaryUsageCount", at), versions);
  }

  private List<InlinePolicy> inline(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    List<InlinePolicy> out = new ArrayList<>();
    List<JsonNode> list = objects(n, field, at);
    for (int i = 0; i < list.size(); i++) {
      JsonPointer pAt = at.appendProperty(field).appendIndex(i);
      JsonNode p = list.get(i);
      out.add(new InlinePolicy(required(p, "PolicyName", pAt), requiredDocument(p, "PolicyDocument", pAt)));
    }
    return out;
  }

  private List<AttachedPolicy> attached(JsonNode n, JsonPointer at) throws AccountDataException {
    List<AttachedPolicy> out = new ArrayList<>();
    List<JsonNode> list = objects(n, "AttachedManagedPolicies", at);
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      JsonPointer pAt = at.appendProperty("AttachedManagedPolicies").appendIndex(i);
      out.add(new AttachedPolicy(arn(p, "PolicyArn", pAt, "policy/"), optional(p, "PolicyName", pAt, null)));
    }
    return out;
  }

  private List<Tag> tags(JsonNode n, JsonPointer at) throws AccountDataException {
    List<Tag> out = new ArrayList<>();
    List<JsonNode> tags = objects(n, "Tags", at);
    for (int i = 0; i < tags.size(); i++) {
      JsonPointer tAt = at.appendProperty("Tags").appendIndex(i);
      out.add(new Tag(required(tags.get(i), "Key", tAt), text(tags.get(i), "Value", tAt)));
    }
    return out;
  }

  private List<String> strings(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    List<String> out = new ArrayList<>();
    JsonNode arr = n.get(field);
    if (arr == null || arr.isNull()) {
      return out;
    }
    if (!arr.isArray()) {
      throw error(at.appendProperty(field), "must be an array of strings");
    }
    for (int i = 0; i < arr.size(); i++) {
      if (!arr.get(i).isTextual()) {
        throw error(at.appendProperty(field).appendIndex(i), "must be a string");
      }
      out.add(arr.get(i).asText());
    }
    return out;
  }

  /** The objects of array {@code field} (absent or null: none); anything else is an error at its pointer. */
  private List<JsonNode> objects(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    List<JsonNode> out = new ArrayList<>();
    JsonNode arr = n.get(field);
    if (arr == null || arr.isNull()) {
      return out;
    }
    JsonPointer here = at.appendProperty(field);
    if (!arr.isArray()) {
      throw error(here, "must be an array of objects, as get-account-authorization-details prints it");
    }
    for (int i = 0; i < arr.size(); i++) {
      if (!arr.get(i).isObject()) {
        throw error(here.appendIndex(i), "must be an object");
      }
      out.add(arr.get(i));
    }
    return out;
  }

  /** An optional string field: absent or null is {@code fallback}, any other non-string is an error at its pointer. */
  private String optional(JsonNode n, String field, JsonPointer at, String fallback) throws AccountDataException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw error(at.appendProperty(field), "must be a string, as get-account-authorization-details prints it");
    }
    return v.asText();
  }

  /** {@code PermissionsBoundary.PermissionsBoundaryArn}, or null without a boundary. */
  private String boundary(JsonNode n, JsonPointer at) throws AccountDataException {
    JsonNode b = n.get("PermissionsBoundary");
    if (b == null || b.isNull()) {
      return null;
    }
    if (!b.isObject()) {
      throw error(at.appendProperty("PermissionsBoundary"), "must be an object with PermissionsBoundaryArn");
    }
    return optional(b, "PermissionsBoundaryArn", at.appendProperty("PermissionsBoundary"), null);
  }

  /** A boolean field (absent: false); "true" as text is not taken for true, it is an error. */
  private boolean flag(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw error(at.appendProperty(field), "must be true or false");
    }
    return v.booleanValue();
  }

  /** A count (absent: 0); anything but a non-negative integer is an error. */
  private int count(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw error(at.appendProperty(field), "must be a non-negative whole number");
    }
    return v.intValue();
  }

  /** An optional string field: absent or null is "", any other non-string is an error. */
  private String text(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw error(at.appendProperty(field), "must be a string");
    }
    return v.asText();
  }

  /** A policy document that must be there (a policy version's, an inline policy's). */
  private JsonNode requiredDocument(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    JsonNode doc = document(n.get(field), at.appendProperty(field));
    if (doc == null) {
      throw error(at.appendProperty(field), "missing " + field + ": every policy version and inline policy has its document");
    }
    return doc;
  }

  /** A policy document: a JSON object (AWS CLI), or URL-encoded JSON text (raw API). */
  private JsonNode document(JsonNode n, JsonPointer at) throws AccountDataException {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isObject()) {
      return n;
    }
    if (n.isTextual()) {
      try {
        return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(PolicyText.decode(n.asText()));
      } catch (PolicyText.MalformedException e) {
        throw error(at, e.getMessage());
      } catch (JsonProcessingException e) {
        throw error(at, "policy document text is neither JSON nor URL-encoded JSON: " + e.getOriginalMessage());
      }
    }
    throw error(at, "a policy document must be an object or a string");
  }

  private static final java.util.regex.Pattern IAM_ARN = java.util.regex.Pattern.compile("arn:[a-z0-9-]+:iam::(\\d{12}|aws):(.+)");

  /** A required IAM ARN ({@code arn:PARTITION:iam::ACCOUNT:KIND...}) whose resource starts with {@code kind}. */
  private String arn(JsonNode n, String field, JsonPointer at, String kind) throws AccountDataException {
    String arn = required(n, field, at);
    java.util.regex.Matcher m = IAM_ARN.matcher(arn);
    if (!m.matches() || !m.group(2).startsWith(kind)) {
      throw error(at.appendProperty(field), "'" + arn + "' is not an IAM " + kind.substring(0, kind.length() - 1)
          + " ARN (arn:aws:iam::123456789012:" + kind + "NAME)");
    }
    return arn;
  }

  private String required(JsonNode n, String field, JsonPointer at) throws AccountDataException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw error(at.appendProperty(field), "missing " + field);
    }
    return v.asText();
  }

  private AccountDataException error(JsonPointer at, String message) {
    String pointer = at.toString();
    return new AccountDataException(where + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message);
  }

}

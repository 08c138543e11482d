package io.tripline.iam;

import java.util.Objects;

/**
 * The principal making a request.
 *
 * @param arn the principal's ARN (for a service, its service principal name such as {@code
 *     cloudtrail.amazonaws.com})
 * @param type what kind of principal it is
 * @param accountId the principal's account; null to take it from the ARN
 * @param roleArn for role sessions, the ARN of the role (with its path); for federated-user
 *     sessions, optionally the IAM user that called GetFederationToken; null otherwise
 */
public record RequestPrincipal(String arn, PrincipalType type, String accountId, String roleArn) {
  public RequestPrincipal {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(type, "type");
    if (accountId == null) {
      accountId = Arns.account(arn);
    }
  }

  /** An IAM user in the account its ARN names. */
  public static RequestPrincipal user(String arn) {
    return new RequestPrincipal(arn, PrincipalType.IAM_USER, null, null);
  }

  /** A session of {@code roleArn}. */
  public static RequestPrincipal roleSession(String sessionArn, String roleArn) {
    return new RequestPrincipal(sessionArn, PrincipalType.ASSUMED_ROLE_SESSION, null, roleArn);
  }

  /** A role session whose role is a service-linked role (path {@code /aws-service-role/}). */
  public boolean isServiceLinkedRole() {
    return type == PrincipalType.ASSUMED_ROLE_SESSION && roleArn != null && roleArn.contains(":role/aws-service-role/");
  }
}

package io.tripline.iam;

import java.util.List;
import java.util.Objects;

/**
 * One request to decide, with every policy that applies to it (the request file format, see
 * {@code request.schema.json}).
 *
 * @param principal who asks
 * @param action {@code service:Action}
 * @param resource the resource ARN, or {@code *} for actions without resource types
 * @param resourceAccount the account owning the resource; null for the principal's account (or
 *     the account in the resource ARN)
 * @param context condition keys and values
 * @param identityPolicies the principal's identity-based policies (user, groups, role)
 * @param permissionsBoundary the principal's permissions boundary, or null
 * @param sessionPolicy the session policy, or null
 * @param scps service control policies of the principal's account, level by level
 * @param rcps resource control policies of the resource's account, level by level
 * @param resourcePolicy the resource's resource-based policy, or null
 * @param managementAccountId the organization's management account (exempt from SCPs and RCPs), or null
 */
public record AccessRequest(
    RequestPrincipal principal,
    String action,
    String resource,
    String resourceAccount,
    RequestContext context,
    List<NamedPolicy> identityPolicies,
    NamedPolicy permissionsBoundary,
    NamedPolicy sessionPolicy,
    List<PolicyLevel> scps,
    List<PolicyLevel> rcps,
    ResourcePolicy resourcePolicy,
    String managementAccountId) {

  public AccessRequest {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    context = context == null ? RequestContext.empty() : context;
    identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
    scps = scps == null ? List.of() : List.copyOf(scps);
    rcps = rcps == null ? List.of() : List.copyOf(rcps);
  }

  /** A request with only identity-based policies, the common case. */
  public static AccessRequest of(RequestPrincipal principal, String action, String resource, RequestContext context, List<NamedPolicy> identityPolicies) {
    return new AccessRequest(principal, action, resource, null, context, identityPolicies, null, null, null, null, null, null);
  }
}

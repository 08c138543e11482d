package io.tripline.iam.policy;

/**
 * Where a policy is attached, which decides the elements it may hold: identity-based policies,
 * boundaries, session policies and SCPs name no principal; resource-based policies and RCPs must.
 */
public enum PolicyKind {
  IDENTITY(false, true),
  PERMISSIONS_BOUNDARY(false, true),
  SESSION(false, true),
  SERVICE_CONTROL(false, true),
  RESOURCE_CONTROL(true, true),
  /** Resource-based policies, including role trust policies, which have no Resource element. */
  RESOURCE(true, false);

  private final boolean principalRequired;
  private final boolean resourceRequired;

  PolicyKind(boolean principalRequired, boolean resourceRequired) {
    this.principalRequired = principalRequired;
    this.resourceRequired = resourceRequired;
  }

  /** True when each statement must have Principal or NotPrincipal; false when it may have neither. */
  public boolean principalRequired() {
    return principalRequired;
  }

  /** True when each statement must have Resource or NotResource. */
  public boolean resourceRequired() {
    return resourceRequired;
  }
}

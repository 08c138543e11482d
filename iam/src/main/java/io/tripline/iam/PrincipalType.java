package io.tripline.iam;

import java.util.Optional;
import java.util.stream.Stream;

/** Who makes a request, as the request file spells it. */
public enum PrincipalType {
  IAM_USER("IAMUser"),
  ASSUMED_ROLE_SESSION("AssumedRoleSession"),
  ROOT("Root"),
  FEDERATED_USER("FederatedUser"),
  SERVICE("Service");

  private final String text;

  PrincipalType(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** True for role sessions and federated-user sessions, the principals a session policy can limit. */
  public boolean isSession() {
    return this == ASSUMED_ROLE_SESSION || this == FEDERATED_USER;
  }

  public static Optional<PrincipalType> named(String text) {
    return Stream.of(values()).filter(t -> t.text.equals(text)).findFirst();
  }
}

package io.tripline.iam.access;

import io.tripline.iam.PolicyType;

/** Which kind of policy denied a call, in the words AWS uses in AccessDenied messages. */
public enum DenyKind {
  IDENTITY("identity"),
  SCP("scp"),
  RCP("rcp"),
  RESOURCE("resource"),
  BOUNDARY("boundary"),
  SESSION("session");

  private final String text;

  DenyKind(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  static DenyKind of(PolicyType type) {
    return switch (type) {
      case IDENTITY -> IDENTITY;
      case SCP -> SCP;
      case RCP -> RCP;
      case RESOURCE_POLICY -> RESOURCE;
      case PERMISSIONS_BOUNDARY -> BOUNDARY;
      case SESSION_POLICY -> SESSION;
    };
  }
}

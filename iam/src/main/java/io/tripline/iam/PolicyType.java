package io.tripline.iam;

/** Which kind of policy a statement came from, as the JSON output spells it. */
public enum PolicyType {
  IDENTITY("identity"),
  PERMISSIONS_BOUNDARY("permissionsBoundary"),
  SESSION_POLICY("sessionPolicy"),
  SCP("scp"),
  RCP("rcp"),
  RESOURCE_POLICY("resourcePolicy");

  private final String text;

  PolicyType(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}

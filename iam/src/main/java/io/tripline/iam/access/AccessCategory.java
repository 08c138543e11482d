package io.tripline.iam.access;

/** Why an action is sensitive. */
public enum AccessCategory {
  /** Reading CloudTrail logs: event history, trail configuration, Lake queries, log files in the trail bucket. */
  LOG_READ("logRead"),
  /** Stopping, deleting or redirecting logging and the detections built on it. */
  LOG_TAMPER("logTamper"),
  /** Gaining more permissions than one holds. */
  PRIVILEGE_ESCALATION("privilegeEscalation");

  private final String text;

  AccessCategory(String text) {
    this.text = text;
  }

  /** The spelling in the effective-access document. */
  public String text() {
    return text;
  }
}

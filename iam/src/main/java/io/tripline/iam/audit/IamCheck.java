package io.tripline.iam.audit;

import java.util.List;

/**
 * One IAM check's METADATA.
 *
 * @param id stable id such as {@code TRL-IAM-001}
 * @param packagePath {@code data.tripline.iam.checks.NAME}
 * @param title the title
 * @param description the description
 * @param severity the severity
 * @param riskScore 0-100
 * @param mitre ATT&CK technique ids
 * @param references URLs
 * @param response what to do
 */
public record IamCheck(
    String id, String packagePath, String title, String description, Severity severity, int riskScore, List<String> mitre,
    List<String> references, List<String> response) {
  public IamCheck {
    mitre = List.copyOf(mitre);
    references = List.copyOf(references);
    response = List.copyOf(response);
  }
}

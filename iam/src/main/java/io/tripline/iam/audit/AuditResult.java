package io.tripline.iam.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The audit of one account.
 *
 * @param account the account id
 * @param checks the checks that ran
 * @param principals each principal's effective-access document and findings, in export order
 * @param problems what the account data lacked (policies that did not parse or are missing)
 */
public record AuditResult(String account, List<IamCheck> checks, List<PrincipalResult> principals, List<String> problems) {
  public AuditResult {
    checks = List.copyOf(checks);
    principals = List.copyOf(principals);
    problems = List.copyOf(problems);
  }

  /** Every finding, principal by principal. */
  public List<IamFinding> findings() {
    return principals.stream().flatMap(p -> p.findings().stream()).toList();
  }

  /** Findings at or above {@code severity}. */
  public long countAtOrAbove(Severity severity) {
    return findings().stream().filter(f -> f.check().severity().compareTo(severity) >= 0).count();
  }

  /**
   * One principal's result.
   *
   * @param arn the principal
   * @param document its effective-access document (the checks' input)
   * @param findings what the checks found, most severe first
   */
  public record PrincipalResult(String arn, ObjectNode document, List<IamFinding> findings) {
    public PrincipalResult {
      findings = List.copyOf(findings);
    }
  }
}

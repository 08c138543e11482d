package io.tripline.iam.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.EffectiveAccessAnalyzer;
import io.tripline.iam.access.EffectiveAccessJson;
import io.tripline.iam.access.PrincipalAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs the IAM checks over every principal of an account: effective access, then the Rego checks. */
public final class IamAudit {

  private final IamChecks checks;

  public IamAudit(IamChecks checks) {
    this.checks = checks;
  }

  public AuditResult run(AccountAccess access) {
    return run(access, UnaryOperator.identity());
  }

  /**
   * Audits {@code access}; {@code enrich} may add to each effective-access document before the
   * checks see it (the unused sensitive permissions of an activity window).
   */
  public AuditResult run(AccountAccess access, UnaryOperator<ObjectNode> enrich) {
    return run(access, new EffectiveAccessAnalyzer(access).analyze(), enrich);
  }

  /** Audits an account whose effective access {@code all} was already analyzed. */
  public AuditResult run(AccountAccess access, List<PrincipalAccess> all, UnaryOperator<ObjectNode> enrich) {
    EffectiveAccessJson json = new EffectiveAccessJson(access.accountId(), access.resources(), all);
    List<ObjectNode> docs = new ArrayList<>(all.size());
    for (PrincipalAccess a : all) {
      docs.add(enrich.apply(json.document(a)));
    }
    // The checks are thread-safe once compiled and the documents independent: evaluate them in
    // parallel (the results keep the principals' order).
    @SuppressWarnings("unchecked")
    List<IamFinding>[] findings = (List<IamFinding>[]) new List<?>[docs.size()];
    java.util.stream.IntStream.range(0, docs.size()).parallel().forEach(i -> findings[i] = checks.evaluate(docs.get(i)));
    List<AuditResult.PrincipalResult> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      out.add(new AuditResult.PrincipalResult(all.get(i).principal().arn(), docs.get(i), findings[i]));
    }
    return new AuditResult(access.accountId(), checks.checks(), out, access.problems());
  }
}

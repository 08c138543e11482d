package io.tripline.iam;

import io.tripline.iam.policy.Effect;
import io.tripline.iam.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a request as AWS's enforcement code does, offline. Sources (IAM User Guide, "Policy
 * evaluation logic" and its sub-pages "How AWS enforcement code logic evaluates requests", "Requests
 * within a single account", "Cross-account policy evaluation logic"; Organizations User Guide, "SCP
 * evaluation" and "RCP evaluation"):
 *
 * <ol>
 *   <li>An applicable Deny in any policy wins (explicit deny).
 *   <li>SCPs of the principal's account: at every level, root to account, some policy must allow.
 *       RCPs of the resource's account pass every level through RCPFullAWSAccess, which AWS
 *       attaches everywhere and which cannot be detached, so they only deny. Service-linked roles
 *       and the management account are exempt; RCPs cover only the services that support them.
 *   <li>Same account: a resource-based policy naming the caller itself (user, session, service) or
 *       {@code "*"} grants access on its own; naming the caller's role stands in for identity
 *       policies; IAM role trust policies and KMS key policies must allow in any case.
 *       Cross-account: the resource-based policy must allow and so must the caller's policies.
 *   <li>Identity-based policies must allow (the root user needs none), then the permissions
 *       boundary (if any), then the session policy (if any; a federated-user session without one
 *       has no permissions).
 * </ol>
 */
public final class PolicyEvaluator {

  private final ServiceReference reference;
  private final GlobCache globs = new GlobCache();

  /**
   * @param reference AWS service reference data, to know actions without resource types and to
   *     warn about unknown actions; null to evaluate without it
   */
  public PolicyEvaluator(ServiceReference reference) {
    this.reference = reference;
  }

  /** An evaluator with the service reference data shipped with Tripline. */
  public static PolicyEvaluator withBundledReference() {
    return new PolicyEvaluator(ServiceReference.bundled());
  }

  public AccessDecision evaluate(AccessRequest req) {
    List<RequestProblem> warnings = new ArrayList<>();
    String resource = effectiveResource(req, warnings);
    warnAboutMissingResourcePolicy(req, resource, warnings);
    RequestPrincipal p = req.principal();
    StatementMatcher matcher = new StatementMatcher(req.action(), resource, p, req.context(), globs);

    String principalAccount = p.accountId();
    String resourceAccount = req.resourceAccount() != null
        ? req.resourceAccount()
        : Optional.ofNullable(Arns.account(resource)).orElse(principalAccount);
    boolean service = p.type() == PrincipalType.SERVICE;
    boolean crossAccount = !service && principalAccount != null && resourceAccount != null && !principalAccount.equals(resourceAccount);
    boolean scpApplies = !service && !p.isServiceLinkedRole() && !Objects.equals(req.managementAccountId(), principalAccount);
    boolean rcpApplies = !p.isServiceLinkedRole() && !Objects.equals(req.managementAccountId(), resourceAccount)
        && (reference == null || reference.supportsRcps(Arns.service(req.action())));

    PolicySetResult identity = evaluate(matcher, PolicyType.IDENTITY, "", req.identityPolicies());
    PolicySetResult boundary = req.permissionsBoundary() == null ? null
        : evaluate(matcher, PolicyType.PERMISSIONS_BOUNDARY, "", List.of(req.permissionsBoundary()));
    PolicySetResult session = req.sessionPolicy() == null ? null
        : evaluate(matcher, PolicyType.SESSION_POLICY, "", List.of(req.sessionPolicy()));
    List<PolicySetResult> rcps = new ArrayList<>();
    if (rcpApplies) {
      for (PolicyLevel level : req.rcps()) {
        rcps.add(evaluate(matcher, PolicyType.RCP, level.target() + "/", level.policies()));
      }
    }
    List<PolicySetResult> scps = new ArrayList<>();
    if (scpApplies) {
      for (PolicyLevel level : req.scps()) {
        scps.add(evaluate(matcher, PolicyType.SCP, level.target() + "/", level.policies()));
      }
    }
    PolicySetResult resourcePolicy = req.resourcePolicy() == null ? null
        : evaluate(matcher, PolicyType.RESOURCE_POLICY, "", List.of(new NamedPolicy(req.resourcePolicy().resourceType(), req.resourcePolicy().document())));

    List<PolicySetResult> all = new ArrayList<>();
    all.addAll(rcps);
    all.addAll(scps);
    add(all, resourcePolicy);
    all.add(identity);
    add(all, boundary);
    add(all, session);

    List<MatchedStatement> denies = new ArrayList<>();
    List<MatchedStatement> allows = new ArrayList<>();
    for (PolicySetResult r : all) {
      denies.addAll(r.denies);
      allows.addAll(r.allows);
    }
    Verdicts v = new Verdicts(req, allows, warnings);

    // 1. Explicit deny anywhere.
    if (!denies.isEmpty()) {
      MatchedStatement first = denies.get(0);
      return new AccessDecision(Decision.EXPLICIT_DENY, first.policyType(), denies,
          "explicitly denied by " + first.policyType().text() + " " + label(first), warnings);
    }
    // 2. RCPs, level by level: AWS attaches RCPFullAWSAccess to the root, every OU and every account
    //    and it cannot be detached, so every level allows and RCPs only ever deny (step 1).
    // 3. SCPs, level by level.
    for (int i = 0; i < scps.size(); i++) {
      if (!scps.get(i).allows()) {
        return v.implicit(PolicyType.SCP, "no service control policy attached at '" + req.scps().get(i).target()
            + "' allows " + req.action() + " (every level from the root to the account must allow)");
      }
    }
    // 4. Resource-based policy.
    PrincipalMatch granted = resourcePolicy == null ? PrincipalMatch.NONE : resourcePolicy.bestAllow;
    if (service) {
      return granted != PrincipalMatch.NONE
          ? v.allowed(PolicyType.RESOURCE_POLICY, "the resource-based policy allows the service principal " + p.arn())
          : v.implicit(PolicyType.RESOURCE_POLICY, "no resource-based policy allows the service principal " + p.arn());
    }
    if (crossAccount) {
      if (granted == PrincipalMatch.NONE) {
        return v.implicit(PolicyType.RESOURCE_POLICY, "cross-account request: the resource-based policy in account " + resourceAccount
            + (resourcePolicy == null ? " is missing; it" : "") + " must allow " + p.arn() + " (or its account) to " + req.action());
      }
    } else {
      if (granted.standsAlone()) {
        return v.allowed(PolicyType.RESOURCE_POLICY, "the resource-based policy grants " + req.action() + " to "
            + (granted == PrincipalMatch.EVERYONE ? "everyone" : p.arn()) + " directly; in the same account that needs no identity-based allow");
      }
      if (req.resourcePolicy() != null && req.resourcePolicy().mustAllowExplicitly() && granted == PrincipalMatch.NONE) {
        return v.implicit(PolicyType.RESOURCE_POLICY, ("AWS::IAM::Role".equals(req.resourcePolicy().resourceType()) ? "the role's trust policy" : "the key policy")
            + " does not allow " + p.arn() + " (directly or through its account), and it must even in the same account");
      }
    }
    // 5. Identity-based policies.
    boolean roleGrant = !crossAccount && granted == PrincipalMatch.ROLE;
    if (p.type() != PrincipalType.ROOT && !identity.allows() && !roleGrant) {
      return v.implicit(PolicyType.IDENTITY, "no identity-based policy allows " + req.action() + " on " + resource
          + (crossAccount ? " (cross-account access needs an allow in both accounts)" : "") + identity.failedAllowNote());
    }
    // 6. Permissions boundary.
    if (boundary != null && !boundary.allows()) {
      return v.implicit(PolicyType.PERMISSIONS_BOUNDARY, "the permissions boundary " + req.permissionsBoundary().name()
          + " does not allow " + req.action() + " (the boundary caps what identity-based policies grant)" + boundary.failedAllowNote());
    }
    // 7. Session policy.
    if (p.type().isSession()) {
      if (session != null && !session.allows()) {
        return v.implicit(PolicyType.SESSION_POLICY, "the session policy does not allow " + req.action());
      }
      if (session == null && p.type() == PrincipalType.FEDERATED_USER) {
        return v.implicit(PolicyType.SESSION_POLICY, "a federated-user session without a session policy has no permissions");
      }
    }
    if (p.type() == PrincipalType.ROOT) {
      return v.allowed(PolicyType.IDENTITY, "the root user is allowed unless a policy denies");
    }
    if (crossAccount) {
      return v.allowed(PolicyType.IDENTITY, "allowed in both accounts: the resource-based policy and the caller's identity-based policies allow");
    }
    return roleGrant && !identity.allows()
        ? v.allowed(PolicyType.RESOURCE_POLICY, "the resource-based policy grants the caller's role; boundary and session policy allow too")
        : v.allowed(PolicyType.IDENTITY, "an identity-based policy allows " + req.action() + " and nothing denies it");
  }

  private String effectiveResource(AccessRequest req, List<RequestProblem> warnings) {
    if (reference == null) {
      return req.resource();
    }
    reference.unknownAction(req.action()).ifPresent(m -> warnings.add(new RequestProblem("/action", m)));
    Optional<ServiceReference.ActionInfo> info = reference.action(req.action());
    if (info.isPresent() && info.get().wildcardResourceOnly() && !req.resource().equals("*")) {
      warnings.add(new RequestProblem("/resource", req.action() + " has no resource types: it is evaluated against \"*\", not " + req.resource()));
      return "*";
    }
    return req.resource();
  }

  /**
   * KMS keys always have a key policy and roles a trust policy, and both must allow; a request
   * without them is decided as if they delegated to the account (the default key policy; a trust
   * policy trusting the account root).
   */
  private static void warnAboutMissingResourcePolicy(AccessRequest req, String resource, List<RequestProblem> warnings) {
    if (req.resourcePolicy() != null || resource.equals("*")) {
      return;
    }
    String service = Arns.service(req.action());
    if (service.equals("kms")) {
      warnings.add(new RequestProblem("/resourcePolicy", "no key policy given: decided as if the key policy delegated to the account "
          + "(AWS's default key policy); add the key policy (resourceType AWS::KMS::Key) to be exact"));
    } else if (service.equals("sts") && req.action().toLowerCase(java.util.Locale.ROOT).startsWith("sts:assumerole")) {
      warnings.add(new RequestProblem("/resourcePolicy", "no trust policy given: decided as if the role trusted its account; "
          + "add the role's trust policy (resourceType AWS::IAM::Role) to be exact"));
    }
  }

  private static void add(List<PolicySetResult> all, PolicySetResult r) {
    if (r != null) {
      all.add(r);
    }
  }

  private static PolicySetResult evaluate(StatementMatcher matcher, PolicyType type, String prefix, List<NamedPolicy> policies) {
    PolicySetResult out = new PolicySetResult();
    for (NamedPolicy policy : policies) {
      for (Statement st : policy.document().statements()) {
        PrincipalMatch m = matcher.applies(st, policy.document());
        if (m == PrincipalMatch.NONE) {
          String failed = st.effect() == Effect.ALLOW ? matcher.failedCondition(st, policy.document()) : null;
          if (failed != null) {
            out.failedAllows.add(label(new MatchedStatement(type, prefix + policy.name(), st.sid(), st.index(), st.effect()))
                + " allows but its condition " + failed + " failed");
          }
          continue;
        }
        MatchedStatement ms = new MatchedStatement(type, prefix + policy.name(), st.sid(), st.index(), st.effect());
        if (st.effect() == Effect.DENY) {
          out.denies.add(ms);
        } else {
          out.allows.add(ms);
          if (m.ordinal() > out.bestAllow.ordinal()) {
            out.bestAllow = m;
          }
        }
      }
    }
    return out;
  }

  static String label(MatchedStatement m) {
    return (m.policy() == null ? "policy" : m.policy()) + " statement " + (m.sid() != null && !m.sid().isEmpty() ? "'" + m.sid() + "'" : "#" + m.statementIndex());
  }

  /** Builds allow and implicit-deny decisions that list the allows that applied. */
  private record Verdicts(AccessRequest req, List<MatchedStatement> allows, List<RequestProblem> warnings) {
    AccessDecision implicit(PolicyType type, String reason) {
      return new AccessDecision(Decision.IMPLICIT_DENY, type, allows, reason, warnings);
    }

    AccessDecision allowed(PolicyType type, String reason) {
      return new AccessDecision(Decision.ALLOWED, type, allows, reason, warnings);
    }
  }
}

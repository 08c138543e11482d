package io.tripline.iam.access;

import io.tripline.iam.AccessDecision;
import io.tripline.iam.MatchedStatement;
import io.tripline.iam.NamedPolicy;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.policy.Effect;
import io.tripline.iam.policy.PolicyDocument;
import io.tripline.iam.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Decides every sensitive action for every principal of an account with the exact evaluator:
 * log reading and tampering on the trails' real resources, one-step privilege escalation
 * (policy versions, attaching or putting policies on itself, its groups or the roles it can
 * assume, credentials of other users, PassRole of an admin role with a create action, assuming an
 * admin role), each with and without MFA and with the statements that allowed it.
 */
public final class EffectiveAccessAnalyzer {

  /** Create actions that run code as a passed role, and the resource each needs. */
  private static final List<String[]> PASS_ROLE_TARGETS = List.of(
      new String[] {"lambda.amazonaws.com", "lambda:CreateFunction", "arn:aws:lambda:%s:%s:function:" + SensitiveActions.PROBE},
      new String[] {"ec2.amazonaws.com", "ec2:RunInstances", "arn:aws:ec2:%s:%s:instance/" + SensitiveActions.PROBE},
      new String[] {"cloudformation.amazonaws.com", "cloudformation:CreateStack", "arn:aws:cloudformation:%s:%s:stack/" + SensitiveActions.PROBE + "/*"});

  private final AccountAccess access;
  private final SensitiveActions sensitive;

  public EffectiveAccessAnalyzer(AccountAccess access, ServiceReference reference) {
    this.access = access;
    this.sensitive = new SensitiveActions(reference);
  }

  public EffectiveAccessAnalyzer(AccountAccess access) {
    this(access, ServiceReference.bundled());
  }

  /**
   * Every principal's access, users first, in export order. Principals are analyzed in parallel
   * (the evaluator and the account are immutable); the result does not depend on the order.
   */
  public List<PrincipalAccess> analyze() {
    String account = access.accountId();
    if (account == null) {
      return List.of();
    }
    List<AccountPrincipal> principals = new ArrayList<>(access.principals());
    Set<String> admins = new LinkedHashSet<>();
    boolean[] admin = new boolean[principals.size()];
    IntStream.range(0, principals.size()).parallel().forEach(i -> admin[i] = adminEquivalent(principals.get(i), account));
    for (int i = 0; i < admin.length; i++) {
      if (admin[i]) {
        admins.add(principals.get(i).arn());
      }
    }
    List<Probe> logProbes = sensitive.logProbes(account, access.resources());
    List<AccountPrincipal> assumable = principals.stream().filter(r -> r.role() && !r.serviceLinked() && trustsAwsPrincipals(r.trustPolicy())).toList();
    List<PrincipalAccess.RoleAssumption>[] assumptions = newArray(principals.size());
    List<Grant>[] grants = newArray(principals.size());
    IntStream.range(0, principals.size()).parallel().forEach(i -> {
      AccountPrincipal p = principals.get(i);
      List<PrincipalAccess.RoleAssumption> roles = new ArrayList<>();
      for (AccountPrincipal r : assumable) {
        if (r == p) {
          continue;
        }
        Grant g = decide(p, new Probe(AccessCategory.PRIVILEGE_ESCALATION, "sts:AssumeRole", r.arn(), "assume role " + r.name()));
        if (g != null) {
          roles.add(new PrincipalAccess.RoleAssumption(r.arn(), g.withoutMfa(), g.statements()));
        }
      }
      assumptions[i] = roles;
      List<Grant> out = new ArrayList<>();
      for (Probe probe : logProbes) {
        addIfAllowed(out, p, probe);
      }
      if (!admins.contains(p.arn())) {
        escalations(out, p, account, admins, roles);
      }
      grants[i] = out;
    });
    Set<String> assumableWithoutMfa = new LinkedHashSet<>();
    principals.stream().filter(r -> r.role() && trustsNonAwsPrincipals(r.trustPolicy())).forEach(r -> assumableWithoutMfa.add(r.arn()));
    for (int i = 0; i < principals.size(); i++) {
      if (!principals.get(i).role()) {
        assumptions[i].stream().filter(PrincipalAccess.RoleAssumption::withoutMfa).forEach(r -> assumableWithoutMfa.add(r.roleArn()));
      }
    }
    List<PrincipalAccess> result = new ArrayList<>();
    for (int i = 0; i < principals.size(); i++) {
      AccountPrincipal p = principals.get(i);
      boolean withoutMfa = !p.role() || assumableWithoutMfa.contains(p.arn());
      List<Grant> gs = grants[i];
      if (!withoutMfa) {
        gs = gs.stream().map(g -> new Grant(g.probe(), g.withMfa(), false, g.statements())).toList();
      }
      List<PrincipalAccess.RoleAssumption> roles = assumptions[i].stream()
          .map(r -> new PrincipalAccess.RoleAssumption(r.roleArn(), r.withoutMfa() && withoutMfa, r.statements())).toList();
      result.add(new PrincipalAccess(p, gs, admins.contains(p.arn()), withoutMfa, roles, wildcardGrants(p)));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T>[] newArray(int n) {
    return (List<T>[]) new List<?>[n];
  }

  /** Full IAM write on arbitrary identities and policies: the principal can grant itself anything. */
  private boolean adminEquivalent(AccountPrincipal p, String account) {
    String iam = "arn:aws:iam::" + account + ":";
    return access.mayAllow(p, "iam:PutRolePolicy", iam + "role/" + SensitiveActions.PROBE)
        && access.decide(p, "iam:PutRolePolicy", iam + "role/" + SensitiveActions.PROBE, true).allowed()
        && access.decide(p, "iam:AttachUserPolicy", iam + "user/" + SensitiveActions.PROBE, true).allowed()
        && access.decide(p, "iam:CreatePolicyVersion", iam + "policy/" + SensitiveActions.PROBE, true).allowed();
  }

  private void escalations(List<Grant> out, AccountPrincipal p, String account, Set<String> admins, List<PrincipalAccess.RoleAssumption> roles) {
    String iam = "arn:aws:iam::" + account + ":";
    AccessCategory esc = AccessCategory.PRIVILEGE_ESCALATION;
    List<String> ownPolicies = new ArrayList<>();
    for (NamedPolicy np : p.identityPolicies()) {
      if (np.name() != null && np.name().startsWith(iam + "policy/") && !ownPolicies.contains(np.name())) {
        ownPolicies.add(np.name());
      }
    }
    ownPolicies.add(iam + "policy/" + SensitiveActions.PROBE);
    for (String pol : ownPolicies) {
      String note = pol.endsWith(SensitiveActions.PROBE) ? "any customer managed policy" : "a policy attached to itself";
      addIfAllowed(out, p, new Probe(esc, "iam:CreatePolicyVersion", pol, note));
      addIfAllowed(out, p, new Probe(esc, "iam:SetDefaultPolicyVersion", pol, note));
    }
    if (p.role()) {
      addIfAllowed(out, p, new Probe(esc, "iam:AttachRolePolicy", p.arn(), "itself"));
      addIfAllowed(out, p, new Probe(esc, "iam:PutRolePolicy", p.arn(), "itself"));
    } else {
      addIfAllowed(out, p, new Probe(esc, "iam:AttachUserPolicy", p.arn(), "itself"));
      addIfAllowed(out, p, new Probe(esc, "iam:PutUserPolicy", p.arn(), "itself"));
      for (String g : p.groups()) {
        addIfAllowed(out, p, new Probe(esc, "iam:AttachGroupPolicy", g, "its group"));
        addIfAllowed(out, p, new Probe(esc, "iam:PutGroupPolicy", g, "its group"));
      }
    }
    for (PrincipalAccess.RoleAssumption r : roles) {
      addIfAllowed(out, p, new Probe(esc, "iam:AttachRolePolicy", r.roleArn(), "a role it can assume"));
      addIfAllowed(out, p, new Probe(esc, "iam:PutRolePolicy", r.roleArn(), "a role it can assume"));
    }
    List<String> otherUsers = new ArrayList<>();
    otherUsers.add(iam + "user/" + SensitiveActions.PROBE);
    for (AccountPrincipal o : access.principals()) {
      if (!o.role() && o != p && admins.contains(o.arn())) {
        otherUsers.add(o.arn());
      }
    }
    for (String u : otherUsers) {
      String note = u.endsWith(SensitiveActions.PROBE) ? "any other user" : "admin-equivalent user";
      for (String a : List.of("iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile")) {
        addIfAllowed(out, p, new Probe(esc, a, u, note));
      }
    }
    String region = access.resources().trails().isEmpty() ? "us-east-1" : access.resources().trails().get(0).homeRegion();
    for (AccountPrincipal r : access.principals()) {
      if (!r.role() || r == p || !admins.contains(r.arn())) {
        continue;
      }
      if (!p.role() || !r.arn().equals(p.arn())) {
        addIfAllowed(out, p, new Probe(esc, "sts:AssumeRole", r.arn(), "admin-equivalent role " + r.name()));
      }
      for (String[] target : PASS_ROLE_TARGETS) {
        if (!trustsService(r.trustPolicy(), target[0])) {
          continue;
        }
        Grant pass = decide(p, new Probe(esc, "iam:PassRole", r.arn(), "admin-equivalent role " + r.name() + " with " + target[1]));
        Grant create = pass == null ? null : decide(p, new Probe(esc, target[1], String.format(target[2], region, account), "create"));
        if (create != null) {
          List<MatchedStatement> st = new ArrayList<>(pass.statements());
          st.addAll(create.statements());
          out.add(new Grant(pass.probe(), pass.withMfa() && create.withMfa(), pass.withoutMfa() && create.withoutMfa(), st));
        }
      }
    }
  }

  private void addIfAllowed(List<Grant> out, AccountPrincipal p, Probe probe) {
    Grant g = decide(p, probe);
    if (g != null) {
      out.add(g);
    }
  }

  /** The grant when {@code p} may perform the probe with or without MFA, else null. */
  private Grant decide(AccountPrincipal p, Probe probe) {
    if (!access.mayAllow(p, probe.action(), probe.resource())) {
      return null;
    }
    if (!access.mfaMatters(p, probe.action(), probe.resource())) {
      AccessDecision d = access.decide(p, probe.action(), probe.resource(), null);
      return d.allowed() ? new Grant(probe, true, true, d.matchedStatements()) : null;
    }
    AccessDecision withMfa = access.decide(p, probe.action(), probe.resource(), true);
    AccessDecision absent = access.decide(p, probe.action(), probe.resource(), null);
    AccessDecision withoutMfa = absent.allowed() ? absent : access.decide(p, probe.action(), probe.resource(), false);
    if (!withMfa.allowed() && !withoutMfa.allowed()) {
      return null;
    }
    return new Grant(probe, withMfa.allowed(), withoutMfa.allowed(), (withMfa.allowed() ? withMfa : withoutMfa).matchedStatements());
  }

  private static List<PrincipalAccess.WildcardGrant> wildcardGrants(AccountPrincipal p) {
    List<PrincipalAccess.WildcardGrant> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (NamedPolicy np : p.identityPolicies()) {
      for (Statement st : np.document().statements()) {
        if (st.effect() != Effect.ALLOW || st.resource() == null || st.resource().negated() || !st.resource().values().contains("*")) {
          continue;
        }
        List<String> wild = st.action().negated() ? st.action().values()
            : st.action().values().stream().filter(a -> a.equals("*") || a.endsWith(":*")).toList();
        if ((st.action().negated() || !wild.isEmpty()) && seen.add(np.name() + "#" + st.index())) {
          out.add(new PrincipalAccess.WildcardGrant(np.name(), st.sid(), st.index(), wild, st.action().negated()));
        }
      }
    }
    return out;
  }

  private static boolean trustsAwsPrincipals(PolicyDocument trust) {
    return trust != null && trust.statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW && s.principal() != null
        && (s.principal().everyone() || !s.principal().of("AWS").isEmpty() || s.principal().negated()));
  }

  /** A trust that lets a service, a web identity or SAML provider, or anyone assume the role: no MFA involved. */
  private static boolean trustsNonAwsPrincipals(PolicyDocument trust) {
    return trust != null && trust.statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW && s.principal() != null
        && (s.principal().everyone() || !s.principal().of("Service").isEmpty() || !s.principal().of("Federated").isEmpty()));
  }

  private static boolean trustsService(PolicyDocument trust, String service) {
    return trust != null && trust.statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW && s.principal() != null
        && s.principal().of("Service").contains(service));
  }
}

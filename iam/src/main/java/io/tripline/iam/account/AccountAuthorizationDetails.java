package io.tripline.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.iam.NamedPolicy;
import io.tripline.iam.policy.ParsedPolicy;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An account's IAM data, as {@code aws iam get-account-authorization-details} returns it: users,
 * groups, roles and managed policies (plus the managed policies used only as permissions
 * boundaries, which that call omits and the live reader fetches separately).
 */
public record AccountAuthorizationDetails(List<IamUser> users, List<IamGroup> groups, List<IamRole> roles, List<ManagedPolicy> policies) {

  public AccountAuthorizationDetails {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    roles = List.copyOf(roles);
    policies = List.copyOf(policies);
  }

  /**
   * These details and {@code next}'s (one more page), each entity kept once by ARN (a later page
   * wins, so overlapping pages do not duplicate anything).
   */
  public AccountAuthorizationDetails merge(AccountAuthorizationDetails next) {
    return new AccountAuthorizationDetails(
        byArn(users, next.users, IamUser::arn), byArn(groups, next.groups, IamGroup::arn),
        byArn(roles, next.roles, IamRole::arn), byArn(policies, next.policies, ManagedPolicy::arn));
  }

  private static <T> List<T> byArn(List<T> a, List<T> b, java.util.function.Function<T, String> arn) {
    Map<String, T> out = new LinkedHashMap<>();
    a.forEach(x -> out.put(arn.apply(x), x));
    b.forEach(x -> out.put(arn.apply(x), x));
    return new ArrayList<>(out.values());
  }

  public Optional<IamUser> user(String arn) {
    return users.stream().filter(u -> u.arn().equals(arn)).findFirst();
  }

  public Optional<IamRole> role(String arn) {
    return roles.stream().filter(r -> r.arn().equals(arn)).findFirst();
  }

  public Optional<IamGroup> groupNamed(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public Optional<ManagedPolicy> policy(String arn) {
    return policies.stream().filter(p -> p.arn().equals(arn)).findFirst();
  }

  /** ARNs of permissions boundaries that no managed policy in these details describes. */
  public Set<String> missingBoundaryPolicies() {
    Set<String> out = new LinkedHashSet<>();
    users.forEach(u -> addMissing(out, u.permissionsBoundaryArn()));
    roles.forEach(r -> addMissing(out, r.permissionsBoundaryArn()));
    return out;
  }

  private void addMissing(Set<String> out, String arn) {
    if (arn != null && policy(arn).isEmpty()) {
      out.add(arn);
    }
  }

  /** These details with {@code extra} managed policies added (boundaries fetched on their own). */
  public AccountAuthorizationDetails withPolicies(List<ManagedPolicy> extra) {
    return merge(new AccountAuthorizationDetails(List.of(), List.of(), List.of(), extra));
  }

  /**
   * The identity-based policies of a user (its inline and attached policies, then each group's) or
   * a role, parsed, ready for {@link io.tripline.iam.AccessRequest}. Documents that do not parse
   * are reported in {@code problems} and left out.
   */
  public List<NamedPolicy> identityPolicies(String principalArn, List<String> problems) {
    List<NamedPolicy> out = new ArrayList<>();
    Optional<IamUser> user = user(principalArn);
    if (user.isPresent()) {
      addAll(out, user.get().arn(), user.get().inlinePolicies(), user.get().attachedPolicies(), problems);
      for (String g : user.get().groups()) {
        groupNamed(g).ifPresent(group -> addAll(out, group.arn(), group.inlinePolicies(), group.attachedPolicies(), problems));
      }
      return out;
    }
    role(principalArn).ifPresent(r -> addAll(out, r.arn(), r.inlinePolicies(), r.attachedPolicies(), problems));
    return out;
  }

  /** The permissions boundary of a user or role, parsed, if it has one and its policy is known. */
  public Optional<NamedPolicy> permissionsBoundary(String principalArn, List<String> problems) {
    String arn = user(principalArn).map(IamUser::permissionsBoundaryArn)
        .orElseGet(() -> role(principalArn).map(IamRole::permissionsBoundaryArn).orElse(null));
    if (arn == null) {
      return Optional.empty();
    }
    Optional<JsonNode> doc = policy(arn).flatMap(ManagedPolicy::defaultDocument);
    if (doc.isEmpty()) {
      problems.add(arn + ": permissions boundary policy not in the account data; read it live or export it");
      return Optional.empty();
    }
    return parse(arn, doc.get(), PolicyKind.PERMISSIONS_BOUNDARY, problems);
  }

  private void addAll(List<NamedPolicy> out, String owner, List<InlinePolicy> inline, List<AttachedPolicy> attached, List<String> problems) {
    for (InlinePolicy p : inline) {
      parse(owner + "/" + p.name(), p.document(), PolicyKind.IDENTITY, problems).ifPresent(out::add);
    }
    for (AttachedPolicy a : attached) {
      Optional<JsonNode> doc = policy(a.policyArn()).flatMap(ManagedPolicy::defaultDocument);
      if (doc.isEmpty()) {
        problems.add(a.policyArn() + ": attached to " + owner + " but its document is not in the account data");
        continue;
      }
      parse(a.policyArn(), doc.get(), PolicyKind.IDENTITY, problems).ifPresent(out::add);
    }
  }

  private static Optional<NamedPolicy> parse(String name, JsonNode doc, PolicyKind kind, List<String> problems) {
    ParsedPolicy parsed = new PolicyParser().parse(doc, kind);
    parsed.errors().forEach(e -> problems.add(name + ": " + e));
    return parsed.ok() ? Optional.of(new NamedPolicy(name, parsed.document())) : Optional.empty();
  }
}

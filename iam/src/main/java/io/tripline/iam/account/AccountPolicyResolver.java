package io.tripline.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.iam.AccessRequest;
import io.tripline.iam.NamedPolicy;
import io.tripline.iam.PrincipalType;
import io.tripline.iam.RequestPrincipal;
import io.tripline.iam.ResourcePolicy;
import io.tripline.iam.policy.ParsedPolicy;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import java.util.List;
import java.util.Optional;

/**
 * Completes requests from an account's IAM data: a request that names a principal but gives none
 * of its identity-based policies gets the user's (with its groups') or the role's policies and
 * permissions boundary; an {@code sts:AssumeRole} request without a trust policy gets the role's.
 * Users and roles are found by ARN, or by account and name when the request's ARN has no path
 * (session ARNs never carry the role's path).
 */
public final class AccountPolicyResolver {

  private final AccountAuthorizationDetails details;

  public AccountPolicyResolver(AccountAuthorizationDetails details) {
    this.details = details;
  }

  /** {@code request} with what the account data adds; problems (unparsable policies, unknown principals) go to {@code problems}. */
  public AccessRequest complete(AccessRequest request, List<String> problems) {
    RequestPrincipal p = request.principal();
    List<NamedPolicy> identity = request.identityPolicies();
    NamedPolicy boundary = request.permissionsBoundary();
    String identityArn = identityArn(p);
    if (identity.isEmpty() && boundary == null && identityArn != null) {
      Optional<String> known = resolve(identityArn, p.type() == PrincipalType.IAM_USER);
      if (known.isEmpty()) {
        problems.add(p.arn() + ": not in the account data; decided without identity-based policies");
      } else {
        identity = details.identityPolicies(known.get(), problems);
        boundary = details.permissionsBoundary(known.get(), problems).orElse(null);
      }
    }
    ResourcePolicy resourcePolicy = request.resourcePolicy();
    if (resourcePolicy == null && request.action().toLowerCase(java.util.Locale.ROOT).startsWith("sts:assumerole")) {
      resourcePolicy = resolve(request.resource(), false).flatMap(details::role).map(IamRole::trustPolicy)
          .flatMap(doc -> parse(request.resource(), doc, problems))
          .map(doc -> new ResourcePolicy("AWS::IAM::Role", doc.document()))
          .orElse(null);
    }
    return new AccessRequest(p, request.action(), request.resource(), request.resourceAccount(), request.context(), identity,
        boundary, request.sessionPolicy(), request.scps(), request.rcps(), resourcePolicy, request.managementAccountId());
  }

  private static String identityArn(RequestPrincipal p) {
    return switch (p.type()) {
      case IAM_USER -> p.arn();
      case ASSUMED_ROLE_SESSION -> p.roleArn();
      default -> null;
    };
  }

  /** The ARN in the account data for {@code arn}: itself, or the user/role with the same account and name. */
  private Optional<String> resolve(String arn, boolean user) {
    if (user ? details.user(arn).isPresent() : details.role(arn).isPresent()) {
      return Optional.of(arn);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return Optional.empty();
    }
    String account = parts[4];
    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    if (user) {
      return details.users().stream().filter(u -> u.name().equals(name) && account.equals(accountOf(u.arn()))).map(IamUser::arn).findFirst();
    }
    return details.roles().stream().filter(r -> r.name().equals(name) && account.equals(accountOf(r.arn()))).map(IamRole::arn).findFirst();
  }

  private static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[4] : null;
  }

  private static Optional<NamedPolicy> parse(String name, JsonNode doc, List<String> problems) {
    ParsedPolicy parsed = new PolicyParser().parse(doc, PolicyKind.RESOURCE);
    parsed.errors().forEach(e -> problems.add(name + " trust policy: " + e));
    return parsed.ok() ? Optional.of(new NamedPolicy(name, parsed.document())) : Optional.empty();
  }
}

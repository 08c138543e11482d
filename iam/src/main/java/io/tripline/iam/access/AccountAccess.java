package io.tripline.iam.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.iam.AccessDecision;
import io.tripline.iam.AccessRequest;
import io.tripline.iam.NamedPolicy;
import io.tripline.iam.PolicyEvaluator;
import io.tripline.iam.PrincipalType;
import io.tripline.iam.RequestContext;
import io.tripline.iam.RequestPrincipal;
import io.tripline.iam.ResourcePolicy;
import io.tripline.iam.account.AccountAuthorizationDetails;
import io.tripline.iam.account.AttachedPolicy;
import io.tripline.iam.account.IamGroup;
import io.tripline.iam.account.IamRole;
import io.tripline.iam.account.IamUser;
import io.tripline.iam.account.InlinePolicy;
import io.tripline.iam.account.ManagedPolicy;
import io.tripline.iam.account.Tag;
import io.tripline.iam.policy.ParsedPolicy;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides calls against one account's IAM data, as AWS would: the caller's user (with its groups)
 * or role policies and permissions boundary, the SCPs given, the trust policy of a role being
 * assumed, and the bucket policy of a known bucket. This is the API the IAM-aware replay calls for
 * each simulated call; {@link EffectiveAccessAnalyzer} uses it for every principal.
 *
 * <p>Policies are parsed once, when the account is loaded; {@link #decide} is thread-safe.
 */
public final class AccountAccess {

  private final String accountId;
  private final AccountResources resources;
  private final PolicyEvaluator evaluator;
  private final Map<String, AccountPrincipal> byArn = new LinkedHashMap<>();
  private final Map<String, AccountPrincipal> byKindAndName = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, java.util.regex.Pattern> actionPatterns = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<NamedPolicy, Integer> policyIds = new java.util.IdentityHashMap<>();
  private final Map<AccountPrincipal, Integer> principalIds = new java.util.IdentityHashMap<>();
  private final boolean[] principalMentionsMfa;
  private final boolean scpsMentionMfa;
  private final Map<String, ActionIndex> actionIndex = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, java.util.regex.Pattern> resourcePatterns = new java.util.concurrent.ConcurrentHashMap<>();

  private AccountAccess(AccountAuthorizationDetails details, AccountResources resources, PolicyEvaluator evaluator) {
    this.resources = resources;
    this.evaluator = evaluator;
    PolicyParser parser = new PolicyParser();
    Map<String, Optional<NamedPolicy>> managed = new LinkedHashMap<>();
    for (ManagedPolicy p : details.policies()) {
      managed.put(p.arn(), p.defaultDocument().flatMap(doc -> parse(parser, p.arn(), doc, PolicyKind.IDENTITY)));
    }
    Map<String, IamGroup> groups = new LinkedHashMap<>();
    details.groups().forEach(g -> groups.put(g.name(), g));
    for (IamUser u : details.users()) {
      List<NamedPolicy> policies = new ArrayList<>();
      add(parser, managed, policies, u.arn(), u.inlinePolicies(), u.attachedPolicies());
      for (String g : u.groups()) {
        IamGroup group = groups.get(g);
        if (group == null) {
          problems.add(u.arn() + ": group " + g + " is not in the account data; its policies are left out");
        } else {
          add(parser, managed, policies, group.arn(), group.inlinePolicies(), group.attachedPolicies());
        }
      }
      List<String> groupArns = u.groups().stream()
          .map(g -> groups.containsKey(g) ? groups.get(g).arn() : "arn:aws:iam::" + accountOf(u.arn()) + ":group/" + g).toList();
      put(new AccountPrincipal(u.arn(), u.name(), false, groupArns, policies, boundary(parser, managed, u.arn(), u.permissionsBoundaryArn()),
          null, tags(u.tags()), false));
    }
    for (IamRole r : details.roles()) {
      List<NamedPolicy> policies = new ArrayList<>();
      add(parser, managed, policies, r.arn(), r.inlinePolicies(), r.attachedPolicies());
      io.tripline.iam.policy.PolicyDocument trust = r.trustPolicy() == null ? null
          : parse(parser, r.arn() + " trust policy", r.trustPolicy(), PolicyKind.RESOURCE).map(NamedPolicy::document).orElse(null);
      put(new AccountPrincipal(r.arn(), r.name(), true, List.of(), policies, boundary(parser, managed, r.arn(), r.permissionsBoundaryArn()),
          trust, tags(r.tags()), r.serviceLinked()));
    }
    managed.values().forEach(np -> np.ifPresent(x -> policyIds.put(x, policyIds.size())));
    byArn.values().forEach(pr -> principalIds.put(pr, principalIds.size()));
    principalMentionsMfa = new boolean[principalIds.size()];
    principalIds.forEach((pr, id) -> principalMentionsMfa[id] = pr.identityPolicies().stream().anyMatch(np -> mentionsMfa(np.document()))
        || (pr.boundary() != null && mentionsMfa(pr.boundary().document())));
    scpsMentionMfa = resources.scps().stream().flatMap(l -> l.policies().stream()).anyMatch(np -> mentionsMfa(np.document()));
    this.accountId = byArn.values().stream().map(AccountPrincipal::account).findFirst().orElse(null);
  }

  /** An account's access, decided with the service reference data shipped with Tripline. */
  public static AccountAccess of(AccountAuthorizationDetails details, AccountResources resources) {
    return new AccountAccess(details, resources, PolicyEvaluator.withBundledReference());
  }

  public static AccountAccess of(AccountAuthorizationDetails details, AccountResources resources, PolicyEvaluator evaluator) {
    return new AccountAccess(details, resources, evaluator);
  }

  /** The account id (from the principals' ARNs), or null for an export without principals. */
  public String accountId() {
    return accountId;
  }

  public AccountResources resources() {
    return resources;
  }

  /** Users, then roles, in export order. */
  public Collection<AccountPrincipal> principals() {
    return byArn.values();
  }

  /** Policies that did not parse or could not be found; they are left out of every decision. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * The user or role a principal ARN names: a user or role ARN (with or without its path), or an
   * assumed-role session ARN.
   */
  public Optional<AccountPrincipal> principal(String arn) {
    AccountPrincipal p = byArn.get(arn);
    if (p != null) {
      return Optional.of(p);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return Optional.empty();
    }
    String res = parts[5];
    if (parts[2].equals("sts") && res.startsWith("assumed-role/")) {
      String[] s = res.split("/");
      return s.length >= 2 ? Optional.ofNullable(byKindAndName.get(parts[4] + ":role:" + s[1])) : Optional.empty();
    }
    String kind = res.startsWith("user/") ? "user" : res.startsWith("role/") ? "role" : null;
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byKindAndName.get(parts[4] + ":" + kind + ":" + res.substring(res.lastIndexOf('/') + 1)));
  }

  /** Decides one call. An unknown principal is decided without identity-based policies (implicit deny), and said so. */
  public CallDecision decide(Call call) {
    List<String> callProblems = new ArrayList<>();
    Optional<AccountPrincipal> known = principal(call.principalArn());
    if (known.isEmpty()) {
      callProblems.add(call.principalArn() + ": not a user or role of account " + accountId + "; decided without identity-based policies");
    }
    RequestPrincipal rp = requestPrincipal(call.principalArn(), known.orElse(null));
    AccessDecision d = evaluate(rp, known.orElse(null), call.action(), call.resource(), context(call, rp, known.orElse(null)));
    return CallDecision.of(d, callProblems);
  }

  /**
   * Decides for a known principal, as a session of it for roles, with {@code aws:MultiFactorAuthPresent}
   * {@code mfa} (null: absent). The full decision, for analyses that need every statement.
   */
  public AccessDecision decide(AccountPrincipal p, String action, String resource, Boolean mfa) {
    Call call = new Call(p.arn(), action, resource, mfa, null, null);
    RequestPrincipal rp = requestPrincipal(p.sessionArn("tripline"), p);
    return evaluate(rp, p, action, resource, context(call, rp, p));
  }

  private AccessDecision evaluate(RequestPrincipal rp, AccountPrincipal p, String action, String resource, RequestContext ctx) {
    ResourcePolicy resourcePolicy = resourcePolicy(action, resource);
    return evaluator.evaluate(new AccessRequest(rp, action, resource, null, ctx,
        p == null ? List.of() : p.identityPolicies(), p == null ? null : p.boundary(), null, resources.scps(), List.of(), resourcePolicy, null));
  }

  /**
   * A fast, conservative pre-check: false only when the call is certainly not allowed, because no
   * identity-based Allow statement names the action and no resource-based policy could grant it
   * on its own (a trust policy that names the principal itself, or any bucket policy). Lets the
   * effective-access analysis skip most of the principal-by-role pairs without evaluating them.
   */
  public boolean mayAllow(AccountPrincipal p, String action, String resource) {
    List<io.tripline.iam.policy.Statement> allows = allowsNaming(p, action);
    for (io.tripline.iam.policy.Statement st : allows) {
      if (mayMatchResource(st.resource(), resource)) {
        return true;
      }
    }
    ResourcePolicy rp = resourcePolicy(action, resource);
    if (rp == null) {
      return false;
    }
    if (!"AWS::IAM::Role".equals(rp.resourceType())) {
      return true;
    }
    for (io.tripline.iam.policy.Statement st : rp.document().statements()) {
      if (st.effect() != io.tripline.iam.policy.Effect.ALLOW || st.principal() == null) {
        continue;
      }
      if (st.principal().everyone() || st.principal().negated()) {
        return true;
      }
      for (String id : st.principal().of("AWS")) {
        if (id.equals("*") || id.contains("*") || id.equals(p.arn()) || id.contains(":assumed-role/") || id.contains(":sts:")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Looser than AWS's resource matching, never stricter: wildcards cross every separator, a
   * pattern with a policy variable or a NotResource may match anything, and a {@code *} request
   * (an action without resource types) is not filtered here.
   */
  private boolean mayMatchResource(io.tripline.iam.policy.ElementList element, String resource) {
    if (element == null || element.negated() || resource.equals("*")) {
      return true;
    }
    for (String pattern : element.values()) {
      if (pattern.contains("${")) {
        return true;
      }
      java.util.regex.Pattern re = resourcePatterns.computeIfAbsent(pattern, AccountAccess::resourceGlob);
      if (re.matcher(resource).matches()) {
        return true;
      }
    }
    return false;
  }

  private static java.util.regex.Pattern resourceGlob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.DOTALL);
  }

  /** The principal's identity-based Allow statements whose Action (or NotAction) covers {@code action}. */
  /** Cached per action and principal; each managed policy (shared by many principals) is matched once per action. */
  @SuppressWarnings("unchecked")
  private List<io.tripline.iam.policy.Statement> allowsNaming(AccountPrincipal p, String action) {
    ActionIndex index = actionIndex.computeIfAbsent(action.toLowerCase(Locale.ROOT), k -> new ActionIndex(policyIds.size(), principalIds.size()));
    Integer pid = principalIds.get(p);
    if (pid != null && index.byPrincipal[pid] != null) {
      return index.byPrincipal[pid];
    }
    List<io.tripline.iam.policy.Statement> out = new ArrayList<>();
    for (NamedPolicy np : p.identityPolicies()) {
      Integer id = policyIds.get(np);
      if (id == null) {
        out.addAll(allowsNaming(np, action));
      } else {
        List<io.tripline.iam.policy.Statement> cached = index.byPolicy[id];
        if (cached == null) {
          cached = allowsNaming(np, action);
          index.byPolicy[id] = cached;
        }
        out.addAll(cached);
      }
    }
    List<io.tripline.iam.policy.Statement> result = List.copyOf(out);
    if (pid != null) {
      index.byPrincipal[pid] = result;
    }
    return result;
  }

  /** One action's matching Allow statements per managed policy and per principal; slots fill lazily (benign races: same value). */
  private static final class ActionIndex {
    final List<io.tripline.iam.policy.Statement>[] byPolicy;
    final List<io.tripline.iam.policy.Statement>[] byPrincipal;

    @SuppressWarnings("unchecked")
    ActionIndex(int policies, int principals) {
      byPolicy = (List<io.tripline.iam.policy.Statement>[]) new List<?>[policies];
      byPrincipal = (List<io.tripline.iam.policy.Statement>[]) new List<?>[principals];
    }
  }

  private List<io.tripline.iam.policy.Statement> allowsNaming(NamedPolicy np, String action) {
    List<io.tripline.iam.policy.Statement> out = new ArrayList<>();
    for (io.tripline.iam.policy.Statement st : np.document().statements()) {
      if (st.effect() == io.tripline.iam.policy.Effect.ALLOW && st.action().negated() != matchesAny(st.action().values(), action)) {
        out.add(st);
      }
    }
    return List.copyOf(out);
  }

  private boolean matchesAny(List<String> patterns, String action) {
    for (String pattern : patterns) {
      java.util.regex.Pattern re = actionPatterns.computeIfAbsent(pattern, AccountAccess::actionGlob);
      if (re.matcher(action).matches()) {
        return true;
      }
    }
    return false;
  }

  /** IAM's action wildcards ({@code *}, {@code ?}) over the whole {@code service:Action}, case-insensitive. */
  private static java.util.regex.Pattern actionGlob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE
        | java.util.regex.Pattern.DOTALL);
  }

  /**
   * Whether {@code aws:MultiFactorAuthPresent} or {@code aws:MultiFactorAuthAge} can change this
   * call's decision: some applicable policy (the principal's identity policies or boundary, the
   * SCPs, the resource's policy) names one of them in a condition. When none does, the decisions
   * with and without MFA are the same and one evaluation serves both.
   */
  public boolean mfaMatters(AccountPrincipal p, String action, String resource) {
    Integer pid = principalIds.get(p);
    if (pid == null || principalMentionsMfa[pid] || scpsMentionMfa) {
      return true;
    }
    ResourcePolicy rp = resourcePolicy(action, resource);
    return rp != null && mentionsMfa(rp.document());
  }

  private static boolean mentionsMfa(io.tripline.iam.policy.PolicyDocument doc) {
    for (io.tripline.iam.policy.Statement st : doc.statements()) {
      for (io.tripline.iam.policy.ConditionClause c : st.conditions()) {
        if (c.key().toLowerCase(Locale.ROOT).contains("multifactorauth")
            || c.values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("multifactorauth"))) {
          return true;
        }
      }
    }
    return false;
  }

  private ResourcePolicy resourcePolicy(String action, String resource) {
    String a = action.toLowerCase(Locale.ROOT);
    if (a.startsWith("sts:assumerole")) {
      return principal(resource).filter(AccountPrincipal::role).map(AccountPrincipal::trustPolicy)
          .map(doc -> new ResourcePolicy("AWS::IAM::Role", doc)).orElse(null);
    }
    if (a.startsWith("s3:")) {
      return resources.bucketPolicyFor(resource).map(doc -> new ResourcePolicy("AWS::S3::Bucket", doc)).orElse(null);
    }
    return null;
  }

  private static RequestPrincipal requestPrincipal(String arn, AccountPrincipal p) {
    if (p == null) {
      return arn.contains(":assumed-role/") ? new RequestPrincipal(arn, PrincipalType.ASSUMED_ROLE_SESSION, null, null) : RequestPrincipal.user(arn);
    }
    if (!p.role()) {
      return RequestPrincipal.user(p.arn());
    }
    String session = arn.contains(":assumed-role/") ? arn : p.sessionArn("tripline");
    return RequestPrincipal.roleSession(session, p.arn());
  }

  /** The global condition keys AWS puts in every request of this principal. */
  private static RequestContext context(Call call, RequestPrincipal rp, AccountPrincipal p) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("aws:SecureTransport", "true");
    ctx.put("aws:PrincipalAccount", rp.accountId());
    if (p != null) {
      ctx.put("aws:PrincipalArn", p.arn());
      ctx.put("aws:PrincipalType", p.role() ? "AssumedRole" : "User");
      if (!p.role()) {
        ctx.put("aws:username", p.name());
      }
      p.tags().forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, v));
    }
    if (call.mfa() != null) {
      ctx.put("aws:MultiFactorAuthPresent", call.mfa().toString());
    }
    if (call.sourceIp() != null) {
      ctx.put("aws:SourceIp", call.sourceIp());
    }
    Instant t = call.time();
    if (t != null) {
      ctx.put("aws:CurrentTime", t.toString());
      ctx.put("aws:EpochTime", Long.toString(t.getEpochSecond()));
    }
    return RequestContext.of(ctx);
  }

  private void put(AccountPrincipal p) {
    byArn.put(p.arn(), p);
    byKindAndName.put(p.account() + ":" + (p.role() ? "role" : "user") + ":" + p.name(), p);
  }

  private void add(PolicyParser parser, Map<String, Optional<NamedPolicy>> managed, List<NamedPolicy> out, String owner,
      List<InlinePolicy> inline, List<AttachedPolicy> attached) {
    for (InlinePolicy p : inline) {
      parse(parser, owner + "/" + p.name(), p.document(), PolicyKind.IDENTITY).ifPresent(out::add);
    }
    for (AttachedPolicy a : attached) {
      Optional<NamedPolicy> doc = managed.getOrDefault(a.policyArn(), Optional.empty());
      if (doc.isEmpty() && !managed.containsKey(a.policyArn())) {
        problems.add(a.policyArn() + ": attached to " + owner + " but its document is not in the account data; left out");
      }
      doc.ifPresent(out::add);
    }
  }

  private NamedPolicy boundary(PolicyParser parser, Map<String, Optional<NamedPolicy>> managed, String owner, String arn) {
    if (arn == null) {
      return null;
    }
    Optional<NamedPolicy> doc = managed.getOrDefault(arn, Optional.empty());
    if (doc.isEmpty()) {
      problems.add(arn + ": permissions boundary of " + owner + " not in the account data; decided without it");
    }
    return doc.map(d -> new NamedPolicy(d.name(), d.document())).orElse(null);
  }

  private Optional<NamedPolicy> parse(PolicyParser parser, String name, JsonNode doc, PolicyKind kind) {
    if (doc == null) {
      return Optional.empty();
    }
    ParsedPolicy parsed = parser.parse(doc, kind);
    parsed.errors().forEach(e -> problems.add(name + ": " + e));
    return parsed.ok() ? Optional.of(new NamedPolicy(name, parsed.document())) : Optional.empty();
  }

  private static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[4] : "";
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }
}

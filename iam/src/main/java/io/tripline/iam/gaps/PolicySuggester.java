package io.tripline.iam.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.iam.AccessDecision;
import io.tripline.iam.MatchedStatement;
import io.tripline.iam.NamedPolicy;
import io.tripline.iam.PolicyType;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountPrincipal;
import io.tripline.iam.access.Grant;
import io.tripline.iam.access.PrincipalAccess;
import io.tripline.iam.access.Probe;
import io.tripline.iam.access.SensitiveActions;
import io.tripline.iam.policy.Effect;
import io.tripline.iam.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the identity policy a principal's observed activity needs, offline, as IAM Access
 * Analyzer's policy generation does live from CloudTrail: the actions it called (allowed calls
 * only), one statement with {@code "Resource": "*"} for the actions without resource types, and
 * for actions with resource-level support (from the service reference data) statements per
 * service grouping the actions that touched the same resources, with the resources' ARNs (S3
 * objects widened to their folder, {@code bucket/path/*}) where Access Analyzer puts placeholders.
 *
 * <p>Log reading and tampering calls by a principal that is not a designated log reader or admin
 * ({@code tripline:purpose} tag) are left out and listed, unless asked to keep them: a phished
 * account's activity is in the same logs. Statements of today's policies that grant only
 * data-event actions nobody was seen using are carried over, since the trail may not log them.
 */
public final class PolicySuggester {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final AccountAccess access;
  private final ServiceReference reference;
  private final List<Probe> sensitiveProbes;

  public PolicySuggester(AccountAccess access, ServiceReference reference) {
    this.access = access;
    this.reference = reference;
    this.sensitiveProbes = new SensitiveActions(reference).logProbes(access.accountId(), access.resources());
  }

  public PolicySuggestion suggest(PrincipalAccess principal, ActivityWindow window, boolean keepSensitive) {
    AccountPrincipal p = principal.principal();
    boolean designated = List.of("log-audit", "admin").contains(p.tags().getOrDefault("tripline:purpose", ""));
    List<ActivityCall> all = window.calls(p.arn());
    List<ActivityCall> kept = new ArrayList<>();
    Map<String, ActivityCall> excluded = new LinkedHashMap<>();
    int denied = 0;
    for (ActivityCall c : all) {
      if (c.denied()) {
        denied++;
      } else if (!keepSensitive && !designated && sensitive(c)) {
        excluded.putIfAbsent(c.action() + " " + c.resource(), c);
      } else {
        kept.add(c);
      }
    }
    Map<String, Set<String>> usedBy = new LinkedHashMap<>();
    Set<String> usedByExcluded = new LinkedHashSet<>();
    for (ActivityCall c : kept) {
      for (MatchedStatement m : granting(p, c)) {
        usedBy.computeIfAbsent(key(m.policy(), m.statementIndex()), k -> new TreeSet<>()).add(c.action());
      }
    }
    for (ActivityCall c : excluded.values()) {
      granting(p, c).forEach(m -> usedByExcluded.add(key(m.policy(), m.statementIndex())));
    }
    Set<String> grantsSensitive = new LinkedHashSet<>();
    for (Grant g : principal.grants()) {
      g.statements().stream().filter(m -> m.policyType() == PolicyType.IDENTITY).forEach(m -> grantsSensitive.add(key(m.policy(), m.statementIndex())));
    }
    List<StatementVerdict> verdicts = new ArrayList<>();
    List<Statement> carried = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (NamedPolicy np : p.identityPolicies()) {
      for (Statement st : np.document().statements()) {
        String k = key(np.name(), st.index());
        if (st.effect() != Effect.ALLOW || !seen.add(k)) {
          continue;
        }
        List<String> used = new ArrayList<>(usedBy.getOrDefault(k, Set.of()));
        boolean sensitive = grantsSensitive.contains(k) || usedByExcluded.contains(k);
        StatementVerdict.Verdict v;
        String reason;
        if (!used.isEmpty() && !sensitive) {
          v = StatementVerdict.Verdict.KEEP;
          reason = "allows activity of the window and no log access or escalation";
        } else if (!used.isEmpty()) {
          v = StatementVerdict.Verdict.REPLACE;
          reason = "allows activity of the window but also log access or escalation the principal should not have; the suggested policy replaces it";
        } else if (sensitive) {
          v = StatementVerdict.Verdict.REMOVE;
          reason = "grants log access or escalation that nothing in the window needs";
        } else if (dataEventsOnly(st)) {
          v = StatementVerdict.Verdict.UNOBSERVED;
          reason = "grants only data-event actions, which the trail may not log; carried over into the suggested policy";
          carried.add(st);
        } else {
          v = StatementVerdict.Verdict.REMOVE;
          reason = "nothing in the window used it";
        }
        verdicts.add(new StatementVerdict(np.name(), st.sid(), st.index(), v, used, reason));
      }
    }
    return new PolicySuggestion(p.arn(), policy(kept, carried), verdicts, List.copyOf(excluded.values()),
        PermissionGaps.unusedSensitive(principal, window), kept.size(), denied);
  }

  private List<MatchedStatement> granting(AccountPrincipal p, ActivityCall c) {
    AccessDecision d = access.decide(p, c.action(), c.resource(), true);
    return d.allowed() ? d.matchedStatements().stream().filter(m -> m.policyType() == PolicyType.IDENTITY).toList() : List.of();
  }

  private boolean sensitive(ActivityCall c) {
    for (Probe probe : sensitiveProbes) {
      if (probe.action().equalsIgnoreCase(c.action()) && ActivityWindow.covers(probe.resource(), c.resource())) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode policy(List<ActivityCall> calls, List<Statement> carried) {
    Set<String> wildcard = new TreeSet<>();
    Map<String, Map<String, Set<String>>> byService = new TreeMap<>();
    for (ActivityCall c : calls) {
      String action = canonical(c.action());
      String resource = widen(c.resource());
      if (resource.equals("*")) {
        wildcard.add(action);
      } else {
        byService.computeIfAbsent(service(action), s -> new TreeMap<>()).computeIfAbsent(action, a -> new TreeSet<>()).add(resource);
      }
    }
    ObjectNode policy = F.objectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    if (!wildcard.isEmpty()) {
      ObjectNode st = statements.addObject();
      st.put("Sid", "ActionsWithoutResourceTypes");
      st.put("Effect", "Allow");
      ArrayNode a = st.putArray("Action");
      wildcard.forEach(a::add);
      st.put("Resource", "*");
    }
    for (Map.Entry<String, Map<String, Set<String>>> svc : byService.entrySet()) {
      Map<Set<String>, Set<String>> actionsByResources = new LinkedHashMap<>();
      svc.getValue().forEach((action, resources) -> actionsByResources.computeIfAbsent(resources, r -> new TreeSet<>()).add(action));
      int n = 0;
      for (Map.Entry<Set<String>, Set<String>> group : actionsByResources.entrySet()) {
        ObjectNode st = statements.addObject();
        String name = Character.toUpperCase(svc.getKey().charAt(0)) + svc.getKey().substring(1).replaceAll("[^A-Za-z0-9]", "");
        st.put("Sid", name + "Resources" + (actionsByResources.size() > 1 ? String.valueOf(++n) : ""));
        st.put("Effect", "Allow");
        ArrayNode a = st.putArray("Action");
        group.getValue().forEach(a::add);
        ArrayNode r = st.putArray("Resource");
        group.getKey().forEach(r::add);
      }
    }
    for (Statement st : carried) {
      ObjectNode n = statements.addObject();
      if (st.sid() != null) {
        n.put("Sid", st.sid());
      }
      n.put("Effect", "Allow");
      n.set(st.action().negated() ? "NotAction" : "Action", strings(st.action().values()));
      if (st.resource() != null) {
        n.set(st.resource().negated() ? "NotResource" : "Resource", strings(st.resource().values()));
      }
      if (!st.conditions().isEmpty()) {
        n.put("Comment", "conditions of the original statement are not carried over; copy them from it");
      }
    }
    return policy;
  }

  /** Access Analyzer's spelling of the action: the service reference's name when known. */
  private String canonical(String action) {
    return reference.action(action).map(i -> i.service() + ":" + i.name()).orElse(action);
  }

  /** S3 object ARNs widen to their folder ({@code bucket/path/*}); other ARNs stay. */
  static String widen(String arn) {
    if (arn.startsWith("arn:aws:s3:::") && arn.indexOf('/') > 0) {
      int last = arn.lastIndexOf('/');
      return arn.substring(0, last + 1) + "*";
    }
    return arn;
  }

  private static JsonNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static String service(String action) {
    return action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
  }

  private static String key(String policy, int index) {
    return policy + "#" + index;
  }

  /** Only S3 object-level and bucket-listing actions or Lambda invocations: data events, logged only where the trail selects them. */
  static boolean dataEventsOnly(Statement st) {
    if (st.action().negated() || st.action().values().isEmpty()) {
      return false;
    }
    for (String a : st.action().values()) {
      String l = a.toLowerCase(Locale.ROOT);
      boolean data = (l.startsWith("s3:") && (l.contains("object") || l.equals("s3:listbucket") || l.equals("s3:listbucketversions")))
          || l.equals("lambda:invokefunction");
      if (!data) {
        return false;
      }
    }
    return true;
  }
}

package io.tripline.iam.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.iam.MatchedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective-access document of one principal: the input of the IAM checks in
 * {@code policies/iam/}. Its shape is documented in the README ("Effective-access document").
 */
public final class EffectiveAccessJson {

  public static final String SCHEMA = "tripline.iam.effective-access/v1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final String account;
  private final AccountResources resources;
  private final Map<String, PrincipalAccess> byArn = new LinkedHashMap<>();

  public EffectiveAccessJson(String account, AccountResources resources, List<PrincipalAccess> all) {
    this.account = account;
    this.resources = resources;
    all.forEach(a -> byArn.put(a.principal().arn(), a));
  }

  public ObjectNode document(PrincipalAccess a) {
    ObjectNode doc = F.objectNode();
    doc.put("schema", SCHEMA);
    doc.put("account", account);
    AccountPrincipal p = a.principal();
    ObjectNode principal = doc.putObject("principal");
    principal.put("arn", p.arn());
    principal.put("name", p.name());
    principal.put("type", p.role() ? "role" : "user");
    ArrayNode groups = principal.putArray("groups");
    p.groups().forEach(groups::add);
    ObjectNode tags = principal.putObject("tags");
    p.tags().forEach(tags::put);
    principal.put("serviceLinked", p.serviceLinked());
    principal.put("assumableWithoutMfa", a.assumableWithoutMfa());
    doc.put("adminEquivalent", a.adminEquivalent());
    ArrayNode access = doc.putArray("access");
    a.grants().forEach(g -> access.add(grant(g)));
    ArrayNode wild = doc.putArray("wildcardGrants");
    for (PrincipalAccess.WildcardGrant w : a.wildcardGrants()) {
      ObjectNode n = wild.addObject();
      n.put("policy", w.policy());
      n.put("sid", w.sid());
      n.put("statementIndex", w.statementIndex());
      ArrayNode acts = n.putArray("actions");
      w.actions().forEach(acts::add);
      n.put("notAction", w.notAction());
    }
    ArrayNode roles = doc.putArray("assumableRoles");
    for (PrincipalAccess.RoleAssumption r : a.assumableRoles()) {
      ObjectNode n = roles.addObject();
      n.put("arn", r.roleArn());
      n.put("withoutMfa", r.withoutMfa());
      n.set("statements", statements(r.statements()));
      PrincipalAccess role = byArn.get(r.roleArn());
      n.put("adminEquivalent", role != null && role.adminEquivalent());
      ArrayNode esc = n.putArray("escalations");
      if (role != null) {
        role.grants(AccessCategory.PRIVILEGE_ESCALATION).forEach(g -> esc.add(grant(g)));
      }
    }
    ArrayNode buckets = doc.putArray("trailBuckets");
    for (Trail t : resources.trails()) {
      ObjectNode n = buckets.addObject();
      n.put("bucket", t.bucket());
      n.put("trail", t.name());
      n.put("bucketPolicyKnown", resources.bucketPolicies().containsKey(t.bucket()));
    }
    return doc;
  }

  /** One grant as the document writes it. */
  public static ObjectNode grant(Grant g) {
    ObjectNode n = F.objectNode();
    n.put("category", g.probe().category().text());
    n.put("action", g.probe().action());
    n.put("resource", g.probe().resource());
    n.put("note", g.probe().note());
    n.put("withMfa", g.withMfa());
    n.put("withoutMfa", g.withoutMfa());
    n.set("statements", statements(g.statements()));
    return n;
  }

  static ArrayNode statements(List<MatchedStatement> list) {
    ArrayNode out = F.arrayNode();
    for (MatchedStatement m : list) {
      ObjectNode s = out.addObject();
      s.put("policyType", m.policyType().text());
      s.put("policy", m.policy());
      if (m.sid() != null) {
        s.put("sid", m.sid());
      }
      s.put("statementIndex", m.statementIndex());
    }
    return out;
  }
}

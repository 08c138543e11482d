package io.tripline.iam.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses IAM policy documents exactly as AWS accepts them and reports what it would reject, each
 * problem with the JSON pointer of the element (as IAM Access Analyzer's policy validation does).
 *
 * <p>Sources: "IAM JSON policy element reference" and "Grammar of the IAM JSON policy language"
 * (IAM User Guide); "Access Analyzer policy check reference".
 */
public final class PolicyParser {

  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_ELEMENTS = Set.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
  private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
  private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  private final ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Parses a document given as JSON text (as IAM stores it once URL-decoded). */
  public ParsedPolicy parse(String json, PolicyKind kind) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
          ? "content after the policy object; a document is one JSON object" : e.getOriginalMessage();
      return new ParsedPolicy(null, List.of(new PolicyProblem("", "not valid JSON" + where + ": " + why, PolicyProblem.Severity.ERROR)));
    }
    return parse(node, kind);
  }

  /** Parses a document already read as a JSON tree. */
  public ParsedPolicy parse(JsonNode root, PolicyKind kind) {
    Run run = new Run(kind);
    PolicyDocument doc = run.document(root);
    boolean failed = run.problems.stream().anyMatch(p -> p.severity() == PolicyProblem.Severity.ERROR);
    return new ParsedPolicy(failed ? null : doc, run.problems);
  }

  /** One parse: collects problems while it walks the tree. */
  private static final class Run {
    private final PolicyKind kind;
    private final List<PolicyProblem> problems = new ArrayList<>();

    Run(PolicyKind kind) {
      this.kind = kind;
    }

    private void error(Location at, String message) {
      problems.add(new PolicyProblem(at.pointer(), message, PolicyProblem.Severity.ERROR));
    }

    private void warning(Location at, String message) {
      problems.add(new PolicyProblem(at.pointer(), message, PolicyProblem.Severity.WARNING));
    }

    PolicyDocument document(JsonNode root) {
      Location here = Location.ROOT;
      if (root == null || !root.isObject()) {
        error(here, "a policy document must be a JSON object with Version and Statement");
        return null;
      }
      root.fieldNames().forEachRemaining(name -> {
        if (!TOP_LEVEL.contains(name)) {
          error(here.property(name), "unknown element '" + name + "': a policy has only Version, Id and Statement (names are case-sensitive)");
        }
      });
      String version = null;
      JsonNode v = root.get("Version");
      if (v == null) {
        warning(here, "no Version: policy variables such as ${aws:username} are literal text; add \"Version\": \"2012-10-17\"");
      } else if (!v.isTextual() || !(v.asText().equals("2012-10-17") || v.asText().equals("2008-10-17"))) {
        error(here.property("Version"), "Version must be \"2012-10-17\" (or the legacy \"2008-10-17\")");
      } else {
        version = v.asText();
        if (version.equals("2008-10-17")) {
          warning(here.property("Version"), "Version 2008-10-17 treats policy variables as literal text; use \"2012-10-17\"");
        }
      }
      String id = null;
      JsonNode idNode = root.get("Id");
      if (idNode != null) {
        if (!idNode.isTextual()) {
          error(here.property("Id"), "Id must be a string");
        } else {
          id = idNode.asText();
        }
      }
      JsonNode st = root.get("Statement");
      List<Statement> statements = new ArrayList<>();
      Location stAt = here.property("Statement");
      if (st == null) {
        error(here, "missing Statement: add a Statement object or array");
      } else if (st.isObject()) {
        Statement statement = statement(st, 0, stAt);
        if (statement != null) {
          statements.add(statement);
        }
      } else if (st.isArray()) {
        if (st.isEmpty()) {
          error(stAt, "Statement is empty: a policy needs at least one statement");
        }
        for (int i = 0; i < st.size(); i++) {
          Statement statement = statement(st.get(i), i, stAt.index(i));
          if (statement != null) {
            statements.add(statement);
          }
        }
      } else {
        error(stAt, "Statement must be an object or an array of objects");
      }
      return new PolicyDocument(version, id, statements);
    }

    private Statement statement(JsonNode node, int index, Location at) {
      if (node == null || !node.isObject()) {
        error(at, "a statement must be a JSON object with Effect, Action and Resource, not " + kindOf(node));
        return null;
      }
      node.fieldNames().forEachRemaining(name -> {
        if (!STATEMENT_ELEMENTS.contains(name)) {
          error(at.property(name), "unknown statement element '" + name + "' (names are case-sensitive: Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)");
        }
      });
      String sid = null;
      JsonNode sidNode = node.get("Sid");
      if (sidNode != null) {
        if (sidNode.isTextual()) {
          sid = sidNode.asText();
        } else {
          error(at.property("Sid"), "Sid must be a string");
        }
      }
      Effect effect = null;
      JsonNode e = node.get("Effect");
      if (e == null) {
        error(at, "missing Effect: add \"Effect\": \"Allow\" or \"Deny\"");
      } else if (e.isTextual() && e.asText().equals("Allow")) {
        effect = Effect.ALLOW;
      } else if (e.isTextual() && e.asText().equals("Deny")) {
        effect = Effect.DENY;
      } else {
        error(at.property("Effect"), "Effect must be exactly \"Allow\" or \"Deny\" (case-sensitive)");
      }
      PrincipalSpec principal = principal(node, at);
      ElementList action = pair(node, at, "Action", "NotAction", true);
      if (action != null) {
        checkActions(action, at.property(action.negated() ? "NotAction" : "Action"), node.get(action.negated() ? "NotAction" : "Action"));
      }
      ElementList resource = pair(node, at, "Resource", "NotResource", kind.resourceRequired());
      if (resource != null) {
        checkResources(resource, at.property(resource.negated() ? "NotResource" : "Resource"), node.get(resource.negated() ? "NotResource" : "Resource"));
      }
      List<ConditionClause> conditions = conditions(node.get("Condition"), at.property("Condition"));
      return new Statement(index, sid, effect, principal, action, resource, conditions);
    }

    private PrincipalSpec principal(JsonNode node, Location at) {
      JsonNode p = node.get("Principal");
      JsonNode np = node.get("NotPrincipal");
      if (p != null && np != null) {
        error(at.property("NotPrincipal"), "a statement has Principal or NotPrincipal, not both");
        return null;
      }
      if (p == null && np == null) {
        if (kind.principalRequired()) {
          error(at, "missing Principal: a " + describe(kind) + " must say who it applies to (Principal or NotPrincipal)");
        }
        return null;
      }
      boolean negated = p == null;
      JsonNode value = negated ? np : p;
      Location here = at.property(negated ? "NotPrincipal" : "Principal");
      if (!kind.principalRequired()) {
        error(here, "a " + describe(kind) + " cannot name a principal: remove " + (negated ? "NotPrincipal" : "Principal"));
        return null;
      }
      if (value.isTextual()) {
        if (!value.asText().equals("*")) {
          error(here, "Principal must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}");
        }
        return new PrincipalSpec(true, Map.of(), negated);
      }
      if (!value.isObject()) {
        error(here, "Principal must be \"*\" or an object of AWS / Service / Federated / CanonicalUser");
        return null;
      }
      Map<String, List<String>> byType = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        Location fAt = here.property(f.getKey());
        if (!PRINCIPAL_TYPES.contains(f.getKey())) {
          error(fAt, "unknown principal type '" + f.getKey() + "': use AWS, Service, Federated or CanonicalUser");
          continue;
        }
        strings(f.getValue(), fAt).ifPresent(list -> byType.put(f.getKey(), list));
      }
      if (kind == PolicyKind.RESOURCE_CONTROL && !(byType.isEmpty() && value.isTextual())) {
        List<String> aws = byType.getOrDefault("AWS", List.of());
        if (!(byType.size() == 1 && aws.equals(List.of("*")))) {
          error(here, "a resource control policy's Principal must be \"*\"; restrict principals with conditions");
        }
      }
      return new PrincipalSpec(false, byType, negated);
    }

    private ElementList pair(JsonNode node, Location at, String positive, String negative, boolean required) {
      JsonNode p = node.get(positive);
      JsonNode n = node.get(negative);
      if (p != null && n != null) {
        error(at.property(negative), "a statement has " + positive + " or " + negative + ", not both");
        return null;
      }
      if (p == null && n == null) {
        if (required) {
          error(at, "missing " + positive + ": add " + positive + " or " + negative);
        }
        return null;
      }
      boolean negated = p == null;
      Location here = at.property(negated ? negative : positive);
      return strings(negated ? n : p, here).map(list -> new ElementList(list, negated)).orElse(null);
    }

    private Optional<List<String>> strings(JsonNode value, Location at) {
      if (value.isTextual()) {
        return Optional.of(List.of(value.asText()));
      }
      if (!value.isArray()) {
        error(at, "must be a string or an array of strings");
        return Optional.empty();
      }
      if (value.isEmpty()) {
        error(at, "must not be an empty array");
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isTextual()) {
          error(at.index(i), "must be a string");
        } else {
          out.add(item.asText());
        }
      }
      return Optional.of(out);
    }

    private void checkActions(ElementList list, Location at, JsonNode raw) {
      for (int i = 0; i < list.values().size(); i++) {
        String a = list.values().get(i);
        if (!a.equals("*") && !ACTION.matcher(a).matches()) {
          error(raw.isArray() ? at.index(i) : at, "'" + a + "' is not an action: write service:ActionName, for example s3:GetObject, or \"*\"");
        }
      }
    }

    private void checkResources(ElementList list, Location at, JsonNode raw) {
      for (int i = 0; i < list.values().size(); i++) {
        String r = list.values().get(i);
        Location here = raw.isArray() ? at.index(i) : at;
        if (r.equals("*")) {
          continue;
        }
        String[] parts = r.split(":", 6);
        boolean truncatedByWildcard = parts.length >= 3 && r.endsWith("*");
        if (!r.startsWith("arn:") || (parts.length < 6 && !truncatedByWildcard)) {
          error(here, "'" + r + "' is not an ARN: write arn:partition:service:region:account:resource, or \"*\"");
        } else if (parts.length > 2 && (parts[2].contains("*") || parts[2].contains("?"))) {
          warning(here, "wildcards in the service segment of '" + r + "' are not supported by AWS; name the service");
        }
      }
    }

    private List<ConditionClause> conditions(JsonNode node, Location at) {
      List<ConditionClause> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      if (!node.isObject()) {
        error(at, "Condition must be an object of operator to {key: values}");
        return out;
      }
      Iterator<Map.Entry<String, JsonNode>> ops = node.fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        Location opAt = at.property(op.getKey());
        Optional<OperatorName> name = operatorName(op.getKey(), opAt);
        if (name.isEmpty()) {
          continue;
        }
        if (!op.getValue().isObject() || op.getValue().isEmpty()) {
          error(opAt, "an operator takes an object of condition key to value(s), for example {\"aws:SourceIp\": \"203.0.113.0/24\"}");
          continue;
        }
        Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
        while (keys.hasNext()) {
          Map.Entry<String, JsonNode> key = keys.next();
          Location keyAt = opAt.property(key.getKey());
          List<String> values = conditionValues(key.getValue(), keyAt);
          if (values == null) {
            continue;
          }
          checkValues(name.get().operator(), values, keyAt, key.getValue().isArray());
          out.add(new ConditionClause(op.getKey(), name.get().qualifier(), name.get().operator(), name.get().ifExists(), key.getKey(), values));
        }
      }
      return out;
    }

    private record OperatorName(SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {}

    private Optional<OperatorName> operatorName(String text, Location at) {
      String rest = text;
      SetQualifier qualifier = SetQualifier.NONE;
      int colon = rest.indexOf(':');
      if (colon >= 0) {
        String prefix = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        if (prefix.equals("forallvalues")) {
          qualifier = SetQualifier.FOR_ALL_VALUES;
        } else if (prefix.equals("foranyvalue")) {
          qualifier = SetQualifier.FOR_ANY_VALUE;
        } else {
          error(at, "unknown set operator '" + rest.substring(0, colon) + "': use ForAllValues: or ForAnyValue:");
          return Optional.empty();
        }
        rest = rest.substring(colon + 1);
      }
      boolean ifExists = false;
      if (rest.toLowerCase(Locale.ROOT).endsWith("ifexists") && rest.length() > "ifexists".length()) {
        ifExists = true;
        rest = rest.substring(0, rest.length() - "IfExists".length());
      }
      Optional<ConditionOperator> op = ConditionOperator.named(rest);
      if (op.isEmpty()) {
        error(at, "unknown condition operator '" + text + "': see \"IAM JSON policy elements: Condition operators\"");
        return Optional.empty();
      }
      if (op.get() == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
        error(at, "Null cannot be combined with IfExists or a set operator: use plain \"Null\"");
        return Optional.empty();
      }
      return Optional.of(new OperatorName(qualifier, op.get(), ifExists));
    }

    private List<String> conditionValues(JsonNode value, Location at) {
      if (value.isValueNode() && !value.isNull()) {
        return List.of(value.asText());
      }
      if (value.isArray() && !value.isEmpty()) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          if (item.isValueNode() && !item.isNull()) {
            out.add(item.asText());
          } else {
            error(at.index(i), "a condition value must be a string, number or boolean");
          }
        }
        return out;
      }
      error(at, "a condition value must be a string, number, boolean or a non-empty array of them");
      return null;
    }

    private void checkValues(ConditionOperator op, List<String> values, Location at, boolean array) {
      for (int i = 0; i < values.size(); i++) {
        String v = values.get(i);
        Location here = array ? at.index(i) : at;
        boolean hasVariable = VARIABLE.matcher(v).find();
        switch (op.family()) {
          case NUMERIC -> {
            if (!v.trim().matches("-?\\d+(\\.\\d+)?")) {
              error(here, "'" + v + "' is not a number (Numeric operators take integers or decimals, no variables)");
            }
          }
          case DATE -> {
            if (DateValue.parse(v).isEmpty()) {
              error(here, "'" + v + "' is not a date: use ISO 8601 (2020-01-01T00:00:00Z) or epoch seconds");
            }
          }
          case IP -> {
            if (IpRange.parse(v).isEmpty()) {
              error(here, "'" + v + "' is not an IP address or CIDR block (for example 203.0.113.0/24 or 2001:db8::/32)");
            }
          }
          case BOOL -> {
            if (!hasVariable && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
              error(here, "'" + v + "' is not a boolean: use \"true\" or \"false\"");
            }
          }
          case NULL -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
              error(here, "Null takes \"true\" (the key is absent) or \"false\" (the key is present)");
            }
          }
          case STRING -> {
            if (!op.name().contains("LIKE") && !hasVariable && (v.contains("*") || v.contains("?"))) {
              warning(here, "'" + v + "': * and ? are literal characters for " + op.text() + "; use StringLike to match patterns");
            }
          }
          default -> { }
        }
      }
    }

    private static String kindOf(JsonNode node) {
      if (node == null || node.isNull()) {
        return "null";
      }
      return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "this value";
    }

    private static String describe(PolicyKind kind) {
      return switch (kind) {
        case IDENTITY -> "identity-based policy";
        case PERMISSIONS_BOUNDARY -> "permissions boundary";
        case SESSION -> "session policy";
        case SERVICE_CONTROL -> "service control policy";
        case RESOURCE_CONTROL -> "resource control policy";
        case RESOURCE -> "resource-based policy";
      };
    }
  }
}

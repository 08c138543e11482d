package io.tripline.iam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tripline.iam.policy.ParsedPolicy;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import io.tripline.iam.policy.PolicyProblem;
import io.tripline.iam.policy.PolicyText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request files for {@code tripline iam evaluate}: one request object or an array of them,
 * validated against {@code request.schema.json}, with every policy document parsed. Every problem
 * carries the JSON pointer of the element at fault.
 */
public final class RequestReader {

  private static final String SCHEMA = "/io/tripline/iam/request.schema.json";
  /** Global condition keys whose values are dates: checked here, so a bad one is a located error. */
  private static final java.util.Set<String> DATE_KEYS = java.util.Set.of("aws:currenttime", "aws:tokenissuetime", "aws:epochtime");

  private final ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private final JsonSchema schema;
  private final PolicyParser parser = new PolicyParser();
  private final ServiceReference reference;

  /** @param reference used to warn about unknown actions in policies; null for no such warnings */
  public RequestReader(ServiceReference reference) {
    this.reference = reference;
    try (InputStream in = RequestReader.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SCHEMA + " on the classpath");
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
      this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads JSON text holding one request or an array of requests. */
  public RequestBatch read(String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
          ? "content after the first JSON value (concatenated objects or trailing text); give one request object or one JSON array of requests"
          : e.getOriginalMessage();
      return new RequestBatch(List.of(), false, List.of(new RequestProblem("", "not valid JSON" + where + ": " + why)), List.of());
    }
    if (root == null || root.isMissingNode()) {
      return new RequestBatch(List.of(), false, List.of(new RequestProblem("", "empty input: give a request object or an array of them")), List.of());
    }
    return read(root);
  }

  /** Reads a parsed JSON tree holding one request or an array of requests. */
  public RequestBatch read(JsonNode root) {
    List<RequestProblem> errors = new ArrayList<>();
    List<RequestProblem> warnings = new ArrayList<>();
    List<AccessRequest> requests = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        AccessRequest r = request(root.get(i), "/" + i, errors, warnings);
        if (r != null) {
          requests.add(r);
        }
      }
    } else {
      AccessRequest r = request(root, "", errors, warnings);
      if (r != null) {
        requests.add(r);
      }
    }
    errors.sort(Comparator.comparing(RequestProblem::pointer));
    return new RequestBatch(errors.isEmpty() ? requests : List.of(), root.isArray(), errors, warnings);
  }

  private AccessRequest request(JsonNode node, String at, List<RequestProblem> errors, List<RequestProblem> warnings) {
    int errorsBefore = errors.size();
    List<RequestProblem> mine = new ArrayList<>();
    for (ValidationMessage m : schema.validate(node)) {
      String pointer = at + m.getInstanceLocation().toString();
      mine.add(new RequestProblem(pointer, describe(m)));
    }
    if (!mine.isEmpty()) {
      errors.addAll(mine);
      return null;
    }
    Documents docs = new Documents(at, mine, warnings);
    List<NamedPolicy> identity = new ArrayList<>();
    JsonNode ip = node.path("identityPolicies");
    for (int i = 0; i < ip.size(); i++) {
      NamedPolicy policy = docs.named(ip.get(i), "/identityPolicies/" + i, PolicyKind.IDENTITY, "identity policy #" + i);
      if (policy != null) {
        identity.add(policy);
      }
    }
    NamedPolicy boundary = node.has("permissionsBoundary")
        ? docs.named(node.get("permissionsBoundary"), "/permissionsBoundary", PolicyKind.PERMISSIONS_BOUNDARY, "permissions boundary") : null;
    NamedPolicy session = node.has("sessionPolicy")
        ? docs.named(node.get("sessionPolicy"), "/sessionPolicy", PolicyKind.SESSION, "session policy") : null;
    List<PolicyLevel> scps = levels(node.path("scps"), "/scps", PolicyKind.SERVICE_CONTROL, docs);
    List<PolicyLevel> rcps = levels(node.path("rcps"), "/rcps", PolicyKind.RESOURCE_CONTROL, docs);
    ResourcePolicy resourcePolicy = null;
    if (node.has("resourcePolicy")) {
      JsonNode rp = node.get("resourcePolicy");
      NamedPolicy p = docs.named(rp, "/resourcePolicy", PolicyKind.RESOURCE, null);
      resourcePolicy = p == null ? null : new ResourcePolicy(rp.path("resourceType").asText(null), p.document());
    }
    RequestPrincipal principal = principal(node.get("principal"), at, mine);
    if (!mine.isEmpty()) {
      errors.addAll(mine);
      return null;
    }
    Map<String, Object> context = new LinkedHashMap<>();
    node.path("context").fields().forEachRemaining(e -> {
      if (DATE_KEYS.contains(e.getKey().toLowerCase(java.util.Locale.ROOT)) && e.getValue().isTextual()
          && io.tripline.iam.policy.DateValue.parse(e.getValue().asText()).isEmpty()) {
        errors.add(new RequestProblem(at + "/context/" + e.getKey().replace("~", "~0").replace("/", "~1"),
            "'" + e.getValue().asText() + "' is not a date AWS accepts: use ISO 8601 (2024-03-14T21:19:15Z) or epoch seconds, years 0001-9999"));
      }
      if (e.getValue().isArray()) {
        List<String> values = new ArrayList<>();
        e.getValue().forEach(v -> values.add(v.asText()));
        context.put(e.getKey(), values);
      } else {
        context.put(e.getKey(), e.getValue().asText());
      }
    });
    if (errors.size() > errorsBefore) {
      return null;
    }
    return new AccessRequest(principal, node.get("action").asText(), node.get("resource").asText(),
        node.path("resourceAccount").asText(null), RequestContext.of(context), identity, boundary, session, scps, rcps,
        resourcePolicy, node.path("managementAccountId").asText(null));
  }

  private List<PolicyLevel> levels(JsonNode array, String at, PolicyKind kind, Documents docs) {
    List<PolicyLevel> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode level = array.get(i);
      List<NamedPolicy> policies = new ArrayList<>();
      JsonNode ps = level.path("policies");
      for (int j = 0; j < ps.size(); j++) {
        NamedPolicy policy = docs.named(ps.get(j), at + "/" + i + "/policies/" + j, kind, "policy #" + j);
        if (policy != null && kind == PolicyKind.RESOURCE_CONTROL && !"RCPFullAWSAccess".equals(policy.name())) {
          for (var st : policy.document().statements()) {
            if (st.effect() == io.tripline.iam.policy.Effect.ALLOW) {
              docs.warnings.add(new RequestProblem(docs.at + at + "/" + i + "/policies/" + j + "/document",
                  "an Allow in a resource control policy other than RCPFullAWSAccess is not supported by AWS; RCPFullAWSAccess is attached to every level already, so write Deny statements"));
              break;
            }
          }
        }
        if (policy != null) { // null: its problems are recorded, and the request is rejected
          policies.add(policy);
        }
      }
      out.add(new PolicyLevel(level.get("target").asText(), policies));
    }
    return out;
  }

  private static RequestPrincipal principal(JsonNode p, String at, List<RequestProblem> errors) {
    String arn = p.get("arn").asText();
    PrincipalType type = p.has("type") ? PrincipalType.named(p.get("type").asText()).orElse(null) : inferType(arn);
    if (type == null) {
      errors.add(new RequestProblem(at + "/principal/type", "cannot tell the principal type from '" + arn + "': add \"type\" (IAMUser, AssumedRoleSession, Root, FederatedUser or Service)"));
      return null;
    }
    String roleArn = p.path("roleArn").asText(null);
    if (roleArn == null && type == PrincipalType.ASSUMED_ROLE_SESSION) {
      roleArn = roleOf(arn);
    }
    return new RequestPrincipal(arn, type, p.path("accountId").asText(null), roleArn);
  }

  private static PrincipalType inferType(String arn) {
    if (!arn.startsWith("arn:")) {
      return arn.endsWith(".amazonaws.com") || arn.endsWith(".amazonaws.com.cn") ? PrincipalType.SERVICE : null;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return null;
    }
    String res = parts[5];
    if (res.equals("root")) {
      return PrincipalType.ROOT;
    }
    if (res.startsWith("user/")) {
      return PrincipalType.IAM_USER;
    }
    if (res.startsWith("assumed-role/")) {
      return PrincipalType.ASSUMED_ROLE_SESSION;
    }
    if (res.startsWith("federated-user/")) {
      return PrincipalType.FEDERATED_USER;
    }
    return null;
  }

  /** The role of {@code arn:aws:sts::A:assumed-role/R/S}: {@code arn:aws:iam::A:role/R} (its path is not in the session ARN). */
  private static String roleOf(String sessionArn) {
    String[] parts = sessionArn.split(":", 6);
    if (parts.length < 6 || !parts[5].startsWith("assumed-role/")) {
      return null;
    }
    String[] names = parts[5].split("/");
    return names.length < 2 ? null : "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + names[1];
  }

  private static String describe(ValidationMessage m) {
    String message = m.getMessage();
    String loc = m.getInstanceLocation().toString();
    if (message.startsWith(loc + ": ")) {
      message = message.substring(loc.length() + 2);
    } else if (message.startsWith(": ")) {
      message = message.substring(2);
    }
    return message + " (see iam/src/main/resources/io/tripline/iam/request.schema.json)";
  }

  /** Parses the policy documents of one request, collecting problems under their pointers. */
  private final class Documents {
    private final String at;
    private final List<RequestProblem> errors;
    private final List<RequestProblem> warnings;

    Documents(String at, List<RequestProblem> errors, List<RequestProblem> warnings) {
      this.at = at;
      this.errors = errors;
      this.warnings = warnings;
    }

    NamedPolicy named(JsonNode holder, String path, PolicyKind kind, String fallbackName) {
      String docAt = at + path + "/document";
      JsonNode doc = holder.get("document");
      ParsedPolicy parsed;
      if (doc.isTextual()) {
        try {
          parsed = parser.parse(PolicyText.decode(doc.asText()), kind);
        } catch (PolicyText.MalformedException e) {
          errors.add(new RequestProblem(docAt, e.getMessage()));
          return null;
        }
      } else {
        parsed = parser.parse(doc, kind);
      }
      for (PolicyProblem problem : parsed.problems()) {
        RequestProblem rp = new RequestProblem(docAt + problem.pointer(), problem.message());
        (problem.severity() == PolicyProblem.Severity.ERROR ? errors : warnings).add(rp);
      }
      if (!parsed.ok()) {
        return null;
      }
      if (reference != null) {
        for (var st : parsed.document().statements()) {
          List<String> actions = st.action().values();
          for (int i = 0; i < actions.size(); i++) {
            var problem = reference.unknownActionPattern(actions.get(i));
            if (problem.isPresent()) {
              JsonNode stNode = doc.isObject() && doc.path("Statement").isArray() ? doc.path("Statement").path(st.index()) : doc.path("Statement");
              String element = st.action().negated() ? "NotAction" : "Action";
              String where = docAt + (doc.isObject() ? "/Statement" + (doc.path("Statement").isArray() ? "/" + st.index() : "") + "/" + element
                  + (stNode.path(element).isArray() ? "/" + i : "") : "");
              warnings.add(new RequestProblem(where, problem.get()));
            }
          }
        }
      }
      String name = holder.path("name").asText(fallbackName);
      return new NamedPolicy(name, parsed.document());
    }
  }
}

package io.tripline.rego.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tripline.rego.ast.Location;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import io.tripline.rego.value.ArrayValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses the YAML of one {@code # METADATA} block as OPA does: keys it does not know are
 * ignored; wrong types, bad authors or related resources, and scopes that do not fit the
 * statement below are errors at the block's location.
 */
final class AnnotationParser {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** The statement a block is attached to. */
  enum Target {
    PACKAGE,
    RULE
  }

  private AnnotationParser() {}

  /**
   * Parses a block as the AST keeps it: its first line is {@code METADATA}, the others the
   * YAML (comment text without {@code #}); {@code at} is the {@code # METADATA} line.
   */
  static Annotations parse(String block, Location at, Target target) {
    String[] lines = block.split("\n", -1);
    String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, lines.length));
    if (yaml.isBlank()) {
      throw error("expected METADATA block, found whitespace", at);
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw yamlError(e, at);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      root = YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw error("yaml: unmarshal errors:\n  line 1: cannot unmarshal " + yamlType(root) + " into ast.rawAnnotation", at);
    }
    String scopeText = string(root, "scope", at);
    Scope scope;
    if (scopeText.isEmpty()) {
      scope = target == Target.PACKAGE ? Scope.PACKAGE : Scope.RULE;
    } else {
      scope = Scope.of(scopeText);
      if (scope == null) {
        throw error("invalid annotation scope '" + scopeText
            + "'. Use one of 'rule', 'document', 'package', or 'subpackages'", at);
      }
    }
    checkAttachment(scope, target, at);
    boolean entrypoint = bool(root, "entrypoint", at);
    if (entrypoint && scope != Scope.RULE && scope != Scope.PACKAGE && scope != Scope.DOCUMENT) {
      throw error("annotation entrypoint applied to non-rule and non-package scope '" + scope.text() + "'", at);
    }
    List<String> organizations = new ArrayList<>();
    for (JsonNode o : list(root, "organizations", at, "[]string")) {
      if (!o.isValueNode() || o.isNull()) {
        throw error("yaml: unmarshal errors:\n  cannot unmarshal " + yamlType(o) + " into string", at);
      }
      organizations.add(o.asText());
    }
    List<RelatedResource> related = new ArrayList<>();
    for (JsonNode r : list(root, "related_resources", at, "[]interface {}")) {
      try {
        related.add(RelatedResource.parse(YAML.convertValue(r, Object.class)));
      } catch (IllegalArgumentException e) {
        throw error("invalid related-resource definition " + goText(r) + ": " + e.getMessage(), at);
      }
    }
    List<Author> authors = new ArrayList<>();
    for (JsonNode a : list(root, "authors", at, "[]interface {}")) {
      try {
        authors.add(Author.parse(YAML.convertValue(a, Object.class)));
      } catch (IllegalArgumentException e) {
        throw error("invalid author definition " + goText(a) + ": " + e.getMessage(), at);
      }
    }
    List<Value> schemas = new ArrayList<>();
    for (JsonNode s : list(root, "schemas", at, "[]map[string]interface {}")) {
      schemas.add(schema(s, at));
    }
    ObjectValue custom = ObjectValue.EMPTY;
    JsonNode c = root.get("custom");
    if (c != null && !c.isNull()) {
      if (!c.isObject()) {
        throw error("yaml: unmarshal errors:\n  cannot unmarshal " + yamlType(c) + " into map[string]interface {}", at);
      }
      custom = (ObjectValue) ValueJson.fromNode(c);
      custom = (ObjectValue) materialize(custom);
    }
    return new Annotations(scope, string(root, "title", at), string(root, "description", at), entrypoint,
        List.copyOf(organizations), List.copyOf(related), List.copyOf(authors), List.copyOf(schemas), custom, at);
  }

  private static void checkAttachment(Scope scope, Target target, Location at) {
    boolean onRule = scope == Scope.RULE || scope == Scope.DOCUMENT;
    if (target == Target.RULE && !onRule) {
      throw error("annotation scope '" + scope.text() + "' must be applied to package (have rule)", at);
    }
    if (target == Target.PACKAGE && onRule) {
      throw error("annotation scope '" + scope.text() + "' must be applied to rule (have package)", at);
    }
  }

  /** {@code - input.x: schema.y} or {@code - input.x: {definition}}, as OPA's annotation object shows it. */
  private static Value schema(JsonNode s, Location at) {
    if (!s.isObject() || s.size() != 1) {
      throw error("invalid schema definition: expected one path per entry", at);
    }
    Map.Entry<String, JsonNode> e = s.fields().next();
    ObjectValue.Builder b = ObjectValue.builder().put("path", refTerms(e.getKey()));
    if (e.getValue().isTextual()) {
      b.put("schema", refTerms(e.getValue().asText()));
    } else {
      b.put("definition", materialize(ValueJson.fromNode(e.getValue())));
    }
    return b.build();
  }

  private static Value refTerms(String dotted) {
    String[] parts = dotted.split("\\.");
    List<Value> terms = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      terms.add(ObjectValue.builder()
          .put("type", StringValue.of(i == 0 ? "var" : "string"))
          .put("value", StringValue.of(parts[i]))
          .build());
    }
    return ArrayValue.of(terms);
  }

  /** Copies a lazy JSON view into plain values, so annotations hold no parser state. */
  private static Value materialize(Value v) {
    return ValueJson.parseJson(ValueJson.write(v));
  }

  private static String string(JsonNode root, String key, Location at) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return "";
    }
    if (!n.isValueNode()) {
      throw error("yaml: unmarshal errors:\n  cannot unmarshal " + yamlType(n) + " into string", at);
    }
    return n.asText();
  }

  private static boolean bool(JsonNode root, String key, Location at) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw error("yaml: unmarshal errors:\n  cannot unmarshal " + yamlType(n) + " `" + n.asText() + "` into bool", at);
    }
    return n.booleanValue();
  }

  private static List<JsonNode> list(JsonNode root, String key, Location at, String goType) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw error("yaml: unmarshal errors:\n  cannot unmarshal " + yamlType(n) + " into " + goType, at);
    }
    List<JsonNode> out = new ArrayList<>();
    Iterator<JsonNode> it = n.elements();
    it.forEachRemaining(out::add);
    return out;
  }

  private static String yamlType(JsonNode n) {
    if (n.isObject()) {
      return "!!map";
    }
    if (n.isArray()) {
      return "!!seq";
    }
    if (n.isBoolean()) {
      return "!!bool";
    }
    if (n.isIntegralNumber()) {
      return "!!int";
    }
    if (n.isNumber()) {
      return "!!float";
    }
    return "!!str";
  }

  /** How Go's %s prints a YAML value: strings as is, maps as map[k:v]. */
  private static String goText(JsonNode n) {
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isObject()) {
      List<String> parts = new ArrayList<>();
      n.fields().forEachRemaining(e -> parts.add(e.getKey() + ":" + goText(e.getValue())));
      parts.sort(null);
      return "map[" + String.join(" ", parts) + "]";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.elements().forEachRemaining(e -> parts.add(goText(e)));
      return "[" + String.join(" ", parts) + "]";
    }
    return n.asText();
  }

  /** A YAML syntax error as go-yaml words it ({@code yaml: line N: problem}), at the offending comment line. */
  private static AnnotationException yamlError(JsonProcessingException e, Location at) {
    String problem = e.getOriginalMessage();
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
        problem = m.getProblem();
        if (m.getProblemMark() != null) {
          line = m.getProblemMark().getLine() + 1;
        }
        break;
      }
    }
    problem = problem == null ? "invalid YAML" : problem.lines().findFirst().orElse(problem).trim();
    Location where = line > 0 ? new Location(at.file(), at.line() + line, 1) : at;
    return new AnnotationException(new AnnotationError("yaml: line " + line + ": " + problem, where));
  }

  private static AnnotationException error(String message, Location at) {
    return new AnnotationException(new AnnotationError(message, at));
  }
}

package io.tripline.simulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.source.LocatedTree;
import io.tripline.simulator.source.YamlReader;
import io.tripline.simulator.template.Template;
import io.tripline.simulator.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the catalog's YAML files (one per service) into {@link ApiCall}s. */
final class CatalogReader {

  static final String ROOT = "/io/tripline/simulator/catalog/";
  /** Console-originated calls: {@code invokedBy} and {@code userAgent} are the sign-in service. */
  static final String CONSOLE_AGENT = ServiceSpec.CONSOLE_AGENT;
  private static final Set<String> CALL_FIELDS = Set.of("eventName", "eventType", "readOnly", "category", "eventVersion",
      "requestId", "identity", "request", "response", "resources", "additionalEventData", "resource", "endpoint",
      "effect", "whenDenied", "serviceEventDetails");
  private static final Set<String> EFFECTS = World.effects();

  private final YamlReader yaml = new YamlReader();

  Map<String, ApiCall> readBundled() {
    LocatedTree index = read("index.yaml");
    Map<String, ApiCall> calls = new LinkedHashMap<>();
    for (JsonNode file : index.root().path("services")) {
      for (ApiCall c : readService(read(file.asText()))) {
        if (calls.put(c.key(), c) != null) {
          throw new IllegalStateException("catalog: " + c.key() + " is defined twice");
        }
      }
    }
    return calls;
  }

  private LocatedTree read(String name) {
    try (InputStream in = CatalogReader.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("catalog file missing from the classpath: " + ROOT + name);
      }
      return yaml.read("catalog/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<ApiCall> readService(LocatedTree tree) {
    JsonNode s = tree.root();
    String name = required(tree, "", "service");
    JsonNode deniedNode = s.path("denied");
    ApiCall.DeniedShape denied = new ApiCall.DeniedShape(
        text(deniedNode, "errorCode", "AccessDenied"),
        Template.compile(deniedNode.path("errorMessage").isMissingNode() ? Template.NODES.textNode("Access Denied") : deniedNode.get("errorMessage")),
        Template.compile(Template.NODES.nullNode()));
    Map<String, Template> errors = new LinkedHashMap<>();
    s.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), Template.compile(e.getValue())));
    ServiceSpec spec = new ServiceSpec(name, required(tree, "", "eventSource"), text(s, "docs", ""), text(s, "protocol", "json"),
        s.path("global").asBoolean(false), s.path("bracketedUserAgent").asBoolean(false), text(s, "consoleUserAgent", CONSOLE_AGENT),
        denied, Map.copyOf(errors), strings(s.path("payloadSizes")));
    JsonNode shapes = s.path("resourceShapes");
    List<ApiCall> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("calls").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String action = e.getKey();
      JsonNode c = e.getValue();
      String where = "/calls/" + action;
      c.fieldNames().forEachRemaining(f -> {
        if (!CALL_FIELDS.contains(f)) {
          throw new IllegalStateException(tree.locate(where + "/" + f) + ": unknown catalog field '" + f + "'; expected one of " + CALL_FIELDS);
        }
      });
      if (!c.has("readOnly")) {
        throw new IllegalStateException(tree.locate(where) + ": " + name + ":" + action + " needs readOnly: true|false");
      }
      String effect = text(c, "effect", null);
      if (effect != null && !EFFECTS.contains(effect)) {
        throw new IllegalStateException(tree.locate(where + "/effect") + ": unknown effect '" + effect + "'; known effects: " + EFFECTS);
      }
      JsonNode resources = c.path("resources");
      if (resources.isTextual()) {
        if (!shapes.has(resources.asText())) {
          throw new IllegalStateException(tree.locate(where + "/resources") + ": no resource shape '" + resources.asText() + "' in resourceShapes");
        }
        resources = shapes.get(resources.asText());
      }
      JsonNode request = c.has("request") ? c.get("request") : Template.NODES.objectNode();
      JsonNode response = c.has("response") ? c.get("response") : Template.NODES.nullNode();
      JsonNode additional = c.has("additionalEventData") ? c.get("additionalEventData") : s.path("additionalEventData");
      ApiCall.DeniedShape whenDenied = denied;
      if (c.has("whenDenied")) {
        JsonNode w = c.get("whenDenied");
        whenDenied = new ApiCall.DeniedShape(w.path("errorCode").isNull() ? null : text(w, "errorCode", denied.errorCode()),
            w.has("errorMessage") ? Template.compile(w.get("errorMessage")) : denied.errorMessage(),
            Template.compile(w.has("response") ? w.get("response") : Template.NODES.nullNode()));
      }
      Set<String> consumed = new HashSet<>();
      // Parameters the request shape or the additional data read are not echoed again; ones only
      // the response reads (UpdateTrail's s3BucketName) are real request parameters and are.
      collectParams(request, consumed);
      collectParams(additional, consumed);
      out.add(new ApiCall(spec, action, text(c, "eventName", action), text(c, "eventType", "AwsApiCall"),
          c.get("readOnly").asBoolean(), "Data".equals(text(c, "category", "Management")),
          text(c, "eventVersion", text(s, "eventVersion", "1.09")), text(c, "requestId", text(s, "requestId", "uuid")),
          "signin".equals(text(c, "identity", "")),
          Template.compile(request), Template.compile(response),
          resources.isMissingNode() ? null : Template.compile(resources),
          additional.isMissingNode() ? null : Template.compile(additional),
          Template.compile(c.has("resource") ? c.get("resource") : s.path("resource").isMissingNode() ? Template.NODES.textNode("*") : s.get("resource")),
          Template.compile(c.has("endpoint") ? c.get("endpoint") : s.get("endpoint")),
          effect, whenDenied, c.has("serviceEventDetails") ? Template.compile(c.get("serviceEventDetails")) : null, Set.copyOf(consumed)));
    }
    return out;
  }

  /** Names of {@code params.X} read anywhere in a template source. */
  static void collectParams(JsonNode n, Set<String> into) {
    if (n == null) {
      return;
    }
    if (n.isTextual()) {
      String t = n.textValue();
      int i = 0;
      while ((i = t.indexOf("params.", i)) >= 0) {
        int j = i + 7;
        while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_' || t.charAt(j) == '-')) {
          j++;
        }
        into.add(t.substring(i + 7, j));
        i = j;
      }
    } else if (n instanceof ObjectNode || n.isArray()) {
      n.forEach(child -> collectParams(child, into));
    }
  }

  private static String required(LocatedTree tree, String pointer, String field) {
    JsonNode v = tree.root().path(field);
    if (!v.isTextual()) {
      throw new IllegalStateException(tree.locate(pointer) + ": catalog service file needs '" + field + "'");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static String text(JsonNode n, String field, String otherwise) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? otherwise : v.asText();
  }
}

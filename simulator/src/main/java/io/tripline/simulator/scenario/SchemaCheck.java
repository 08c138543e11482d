package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tripline.simulator.source.Diagnostic;
import io.tripline.simulator.source.LocatedTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Enforces {@code scenario.schema.json} and turns each violation into a file:line:col diagnostic. */
final class SchemaCheck {

  static final String SCHEMA = "/io/tripline/simulator/schema/scenario.schema.json";
  private final JsonSchema schema;
  private final JsonNode schemaTree;

  SchemaCheck() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA)) {
      schemaTree = new ObjectMapper().readTree(in);
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Diagnostic> check(LocatedTree tree) {
    Set<ValidationMessage> messages = schema.validate(tree.root());
    // A value that matches none of a oneOf/anyOf's branches gets one message (with the schema's
    // description of what is expected), not one per branch.
    Set<String> alternatives = new java.util.HashSet<>();
    for (ValidationMessage m : messages) {
      if (("oneOf".equals(m.getType()) || "anyOf".equals(m.getType())) && description(m) != null) {
        alternatives.add(pointer(m.getInstanceLocation()));
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      // if/then/else wrappers repeat their branch's findings; keep the specific ones.
      if ("if".equals(m.getType()) || "then".equals(m.getType()) || "else".equals(m.getType())) {
        continue;
      }
      String pointer = pointer(m.getInstanceLocation());
      boolean alternative = "oneOf".equals(m.getType()) || "anyOf".equals(m.getType());
      if (alternatives.contains(pointer) && !alternative) {
        continue;
      }
      if ((alternative && alternatives.contains(pointer)) || ("pattern".equals(m.getType()) && description(m) != null)) {
        String where = where(m.getInstanceLocation());
        JsonNode value = tree.root().at(pointer);
        String shown = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        out.add(Diagnostic.at(tree.locate(pointer), where + ": " + shown + " is not valid; expected " + description(m)));
        continue;
      }
      String where = where(m.getInstanceLocation());
      String text = m.getMessage();
      int colon = text.indexOf(": ");
      String what = colon >= 0 ? text.substring(colon + 2) : text;
      if ("additionalProperties".equals(m.getType())) {
        what += "; check the spelling against the format in README (section Attack simulator)";
      } else if ("not".equals(m.getType()) && pointer.startsWith("/steps/")) {
        what = "a step is placed by 'at' or by 'after', not both";
      } else {
        String expected = description(m);
        if (expected != null) {
          what += "; expected " + expected;
        }
      }
      out.add(Diagnostic.at(tree.locate(pointer), where + ": " + what));
    }
    out.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::message));
    return out.stream().distinct().toList();
  }

  /** The schema's own description of the failing node, used as the "expected ..." hint. */
  private String description(ValidationMessage m) {
    if (m.getSchemaLocation() == null || m.getSchemaLocation().getFragment() == null) {
      return null;
    }
    JsonNodePath f = m.getSchemaLocation().getFragment();
    JsonNode n = schemaTree;
    for (int i = 0; i < f.getNameCount() - 1 && n != null; i++) {
      Object e = f.getElement(i);
      n = e instanceof Integer idx ? n.get(idx) : n.get(e.toString());
    }
    if (n != null && n.has("$ref") && !n.has("description")) {
      String ref = n.get("$ref").asText();
      n = ref.startsWith("#/") ? schemaTree.at(ref.substring(1)) : null;
    }
    return n == null || !n.hasNonNull("description") ? null : n.get("description").asText();
  }

  /**
   * The failing node as a dotted path ({@code steps.2.call}); a key that is not
   * a plain name is quoted ({@code actors['dev team']}), so what comes from the script is never
   * mistaken for the message's own words.
   */
  private static String where(JsonNodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      if (e instanceof Integer || e.toString().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        sb.append(sb.isEmpty() ? "" : ".").append(e);
      } else {
        sb.append("['").append(e.toString().replace("'", "\\'")).append("']");
      }
    }
    return sb.isEmpty() ? "document" : sb.toString();
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      sb.append('/').append(e.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }
}

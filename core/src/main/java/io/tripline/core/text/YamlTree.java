package io.tripline.core.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a JSON tree, telling the caller the line and column of every node
 * (by JSON pointer). Unlike a plain Jackson read: an alias ({@code *name}) is the value its anchor
 * ({@code &name}) marks, not the text {@code name}, and aliases may expand the document to at most
 * {@link #MAX_VALUES} values (a "billion laughs" file is an error, not an out-of-memory); a second
 * document ({@code ---}) is an error, not ignored; a repeated key is an error; nesting, number and
 * string sizes are limited ({@link TextLimits}). Every problem is a {@link LocatedTextException}.
 */
public final class YamlTree {

  /** Most values (scalars, mappings, sequences) a document may hold once its aliases are expanded. */
  public static final int MAX_VALUES = 1_000_000;
  /**
   * Deepest nesting of mappings and sequences: far more than any scenario or data file needs, and
   * shallow enough that reading and validating a tree never exhausts the thread's stack.
   */
  public static final int MAX_DEPTH = 200;
  /** Largest document, in characters. */
  public static final int MAX_CHARACTERS = 64 * 1024 * 1024;

  /** Told where each node is. */
  @FunctionalInterface
  public interface Positions {
    void at(String pointer, int line, int column);
  }

  private static final YAMLFactory YAML;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARACTERS);
    YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(TextLimits.CONSTRAINTS).build();
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private record Anchored(JsonNode node, long size) {}

  private static final Anchored IN_PROGRESS = new Anchored(null, 0);

  private final Positions positions;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private long values;

  private YamlTree(Positions positions) {
    this.positions = positions;
  }

  /** The document, or {@code null} when the text holds none (empty or only comments). */
  public static JsonNode read(String text, Positions positions) {
    return new YamlTree(positions).document(text);
  }

  /** The document without positions. */
  public static JsonNode read(String text) {
    return read(text, (pointer, line, column) -> { });
  }

  private JsonNode document(String text) {
    YAMLParser p = null;
    try {
      p = (YAMLParser) YAML.createParser(text);
      if (p.nextToken() == null) {
        return null;
      }
      JsonNode root = value(p, "", 0);
      JsonToken more = p.nextToken();
      if (more != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new LocatedTextException(l.getLineNr(), l.getColumnNr(), "a second YAML document starts here (after '---'); "
            + "this file must hold one document: remove the '---' line or split the file");
      }
      return root;
    } catch (JsonProcessingException e) {
      if (e.getLocation() == null && p != null) {
        JsonLocation l = p.currentLocation();
        throw new LocatedTextException(l.getLineNr(), l.getColumnNr(), TextLimits.explain(e));
      }
      throw YamlSyntax.diagnose(e);
    } catch (IOException e) {
      throw new LocatedTextException(0, 0, "cannot be read: " + e.getMessage());
    } finally {
      if (p != null) {
        try {
          p.close();
        } catch (IOException ignored) {
          // a parser over a string
        }
      }
    }
  }

  private JsonNode value(YAMLParser p, String pointer, int depth) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    positions.at(pointer, l.getLineNr(), l.getColumnNr());
    if (depth > MAX_DEPTH) {
      throw located(l, "nested deeper than " + MAX_DEPTH + " levels (Tripline's limit for YAML mappings and sequences); flatten the data");
    }
    if (p.isCurrentAlias()) {
      return alias(p.getText(), l);
    }
    String anchor = p.getCurrentAnchor();
    if (anchor != null) {
      anchors.put(anchor, IN_PROGRESS);
    }
    long before = values;
    JsonNode node = build(p, pointer, depth, l);
    if (anchor != null) {
      anchors.put(anchor, new Anchored(node, values - before));
    }
    return node;
  }

  private JsonNode alias(String name, JsonLocation l) {
    Anchored a = anchors.get(name);
    if (a == null) {
      throw located(l, "unknown alias '*" + name + "'; define the anchor '&" + name + "' before using it");
    }
    if (a == IN_PROGRESS) {
      throw located(l, "alias *" + name + " is inside the value its anchor marks (a cycle); YAML data must be a tree");
    }
    count(a.size(), l);
    return a.node().deepCopy();
  }

  private void count(long n, JsonLocation l) {
    values += n;
    if (values > MAX_VALUES) {
      throw located(l, "aliases expand this document to more than " + MAX_VALUES
          + " values (Tripline's limit; is it a \"billion laughs\" file?); use fewer aliases of large values");
    }
  }

  private JsonNode build(YAMLParser p, String pointer, int depth, JsonLocation l) throws IOException {
    count(1, l);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation kl = p.currentTokenLocation();
          if (p.isCurrentAlias()) {
            throw located(kl, "an alias (*" + name + ") cannot be a key; write the key out");
          }
          if (o.has(name)) {
            throw located(kl, "duplicate key '" + name + "'; each key may appear once in a mapping");
          }
          p.nextToken();
          o.set(name, value(p, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), depth + 1));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(value(p, pointer + "/" + i++, depth + 1));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        try {
          return NODES.numberNode(p.getDecimalValue());
        } catch (NumberFormatException e) {
          throw located(l, "'" + p.getText() + "' is not a finite number; JSON has no NaN or infinity: quote it to make it a string");
        }
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw located(l, "unexpected YAML content (" + t + ")");
    }
  }

  private static LocatedTextException located(JsonLocation l, String message) {
    return new LocatedTextException(l.getLineNr(), l.getColumnNr(), message);
  }
}

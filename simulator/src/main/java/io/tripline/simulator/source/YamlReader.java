package io.tripline.simulator.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one YAML document into a Jackson tree, remembering the line and column of every node
 * (Jackson's YAML parser reports token locations). Syntax errors and duplicate keys become
 * {@link ScenarioException}s with the file position.
 */
public final class YamlReader {

  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  public LocatedTree read(String file, String text) {
    Map<String, SourceLocation> locations = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ScenarioException(Diagnostic.at(SourceLocation.start(file), "the file is empty; expected a YAML mapping"));
      }
      JsonNode root = readValue(p, file, "", locations);
      return new LocatedTree(root, locations, file);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(YamlSyntax.diagnose(file, e));
    } catch (IOException e) {
      throw new ScenarioException(Diagnostic.at(SourceLocation.start(file), "cannot read: " + e.getMessage()));
    }
  }

  private JsonNode readValue(JsonParser p, String file, String pointer, Map<String, SourceLocation> locations) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    locations.put(pointer, new SourceLocation(file, l.getLineNr(), l.getColumnNr()));
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation kl = p.currentTokenLocation();
          if (o.has(name)) {
            throw new ScenarioException(new Diagnostic(file, kl.getLineNr(), kl.getColumnNr(), "duplicate key '" + name + "'; each key may appear once in a mapping"));
          }
          p.nextToken();
          o.set(name, readValue(p, file, LocatedTree.child(pointer, name), locations));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = nodes.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(readValue(p, file, LocatedTree.child(pointer, i++), locations));
        }
        return a;
      }
      case VALUE_STRING:
        return nodes.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? nodes.numberNode(p.getBigIntegerValue()) : nodes.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new ScenarioException(new Diagnostic(file, l.getLineNr(), l.getColumnNr(), "unexpected YAML token " + t));
    }
  }
}

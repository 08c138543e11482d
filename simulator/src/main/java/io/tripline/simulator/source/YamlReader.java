package io.tripline.simulator.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.core.text.LocatedTextException;
import io.tripline.core.text.YamlTree;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one YAML document into a Jackson tree, remembering the line and column of every node.
 * Aliases are their anchored values (expansion bounded), a second document, a repeated key, a
 * syntax error and sizes past the limits become {@link ScenarioException}s with the file position
 * ({@link YamlTree}).
 */
public final class YamlReader {

  public LocatedTree read(String file, String text) {
    Map<String, SourceLocation> locations = new HashMap<>();
    JsonNode root;
    try {
      root = YamlTree.read(text, (pointer, line, column) -> locations.put(pointer, new SourceLocation(file, line, column)));
    } catch (LocatedTextException e) {
      throw new ScenarioException(new Diagnostic(file, e.line(), e.column(), e.problem()));
    }
    if (root == null) {
      throw new ScenarioException(Diagnostic.at(SourceLocation.start(file), "the file is empty; expected a YAML mapping"));
    }
    return new LocatedTree(root, locations, file);
  }
}

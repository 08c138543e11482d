package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.source.Diagnostic;
import io.tripline.simulator.source.LocatedTree;
import io.tripline.simulator.source.ScenarioException;
import io.tripline.simulator.source.SourceLocation;
import io.tripline.simulator.source.TreeMerge;
import io.tripline.simulator.source.YamlReader;
import io.tripline.simulator.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads scenario scripts, fragments and baseline profiles: YAML with positions, {@code include}
 * of fragments, the JSON Schema, {@code vary} variants, and semantic checks. Every problem is a
 * {@link Diagnostic} with file, line and column; nothing is thrown for bad input.
 */
public final class ScenarioLoader {

  /** Where bundled scripts live on the classpath (the attack-scenarios module). */
  public static final String CLASSPATH_ROOT = "scenarios/";

  private final ApiCatalog catalog;
  private final YamlReader yaml = new YamlReader();
  private final SchemaCheck schema = new SchemaCheck();
  private final ClassLoader classLoader;

  public ScenarioLoader(ApiCatalog catalog) {
    this(catalog, ScenarioLoader.class.getClassLoader());
  }

  public ScenarioLoader(ApiCatalog catalog, ClassLoader classLoader) {
    this.catalog = catalog;
    this.classLoader = classLoader;
  }

  public LoadResult load(Path file) {
    String name = file.toString();
    try {
      return load(name, Files.readString(file), file.toAbsolutePath().getParent());
    } catch (IOException e) {
      return new LoadResult(name, LoadResult.Kind.UNKNOWN, List.of(), List.of(), List.of(new Diagnostic(name, 0, 0, "cannot read: " + e.getMessage())));
    }
  }

  /** Loads text that came from {@code name}; includes resolve beside {@code dir} (may be null) or on the classpath. */
  public LoadResult load(String name, String text, Path dir) {
    LocatedTree tree;
    try {
      tree = yaml.read(name, text);
    } catch (ScenarioException e) {
      return new LoadResult(name, LoadResult.Kind.UNKNOWN, List.of(), List.of(), e.diagnostics());
    }
    if (!tree.root().isObject()) {
      return new LoadResult(name, LoadResult.Kind.UNKNOWN, List.of(), List.of(),
          List.of(Diagnostic.at(tree.locate(""), "expected a mapping with id, title, mitre, actors and steps")));
    }
    List<Diagnostic> problems = new ArrayList<>();
    LoadResult.Kind kind = tree.root().has("fragment") ? LoadResult.Kind.FRAGMENT
        : tree.root().has("baseline") ? LoadResult.Kind.BASELINE : LoadResult.Kind.SCENARIO;
    problems.addAll(schema.check(tree));
    if (kind == LoadResult.Kind.FRAGMENT || !problems.isEmpty()) {
      return new LoadResult(name, kind, List.of(), List.of(), problems);
    }
    LocatedTree merged = withIncludes(tree, dir, problems);
    if (!problems.isEmpty()) {
      return new LoadResult(name, kind, List.of(), List.of(), problems);
    }
    problems.addAll(schema.check(merged));
    if (!problems.isEmpty()) {
      return new LoadResult(name, kind, List.of(), List.of(), problems);
    }
    if (kind == LoadResult.Kind.BASELINE) {
      BaselineReader reader = new BaselineReader(catalog);
      BaselineProfile profile = reader.read(merged);
      problems.addAll(reader.problems());
      return new LoadResult(name, kind, List.of(), problems.isEmpty() ? List.of(profile) : List.of(), problems);
    }
    List<Scenario> scenarios = new ArrayList<>();
    String id = merged.root().path("id").asText();
    ScenarioReader reader = new ScenarioReader(catalog);
    scenarios.add(reader.read(merged, id));
    JsonNode vary = merged.root().path("vary");
    for (int i = 0; i < vary.size(); i++) {
      ObjectNode copy = merged.root().deepCopy();
      Map<String, SourceLocation> locations = new HashMap<>(merged.locations());
      String setPointer = "/vary/" + i + "/set";
      TreeMerge.merge(copy, locations, "", vary.get(i).get("set"), merged, setPointer);
      copy.remove("vary");
      LocatedTree variant = new LocatedTree(copy, locations, name);
      List<Diagnostic> variantProblems = schema.check(variant);
      problems.addAll(variantProblems);
      if (variantProblems.isEmpty()) {
        scenarios.add(reader.read(variant, id + "/" + vary.get(i).path("name").asText()));
      }
    }
    problems.addAll(reader.problems());
    return new LoadResult(name, kind, problems.isEmpty() ? List.copyOf(scenarios) : List.of(), List.of(), problems.stream().distinct().toList());
  }

  /** The tree with its fragments merged underneath it (the including file wins). */
  private LocatedTree withIncludes(LocatedTree tree, Path dir, List<Diagnostic> problems) {
    JsonNode include = tree.root().path("include");
    if (include.isMissingNode()) {
      return tree;
    }
    ObjectNode merged = Template.NODES.objectNode();
    Map<String, SourceLocation> locations = new HashMap<>();
    for (int i = 0; i < include.size(); i++) {
      String ref = include.get(i).asText();
      Optional<LocatedTree> fragment = fragment(ref, dir, tree.locate("/include/" + i), problems);
      if (fragment.isEmpty()) {
        continue;
      }
      List<Diagnostic> fragmentProblems = schema.check(fragment.get());
      problems.addAll(fragmentProblems);
      if (!fragmentProblems.isEmpty()) {
        continue;
      }
      ObjectNode body = (ObjectNode) fragment.get().root().deepCopy();
      body.remove("fragment");
      body.remove("description");
      TreeMerge.merge(merged, locations, "", body, fragment.get(), "");
    }
    ObjectNode own = (ObjectNode) tree.root().deepCopy();
    TreeMerge.merge(merged, locations, "", own, tree, "");
    return new LocatedTree(merged, locations, tree.file());
  }

  private Optional<LocatedTree> fragment(String ref, Path dir, SourceLocation where, List<Diagnostic> problems) {
    String fileName = ref.endsWith(".yaml") || ref.endsWith(".yml") ? ref : ref + ".yaml";
    try {
      if (dir != null) {
        for (Path candidate : List.of(dir.resolve(fileName), dir.resolve("fragments").resolve(fileName), dir.resolve("../fragments").resolve(fileName).normalize())) {
          if (Files.isRegularFile(candidate)) {
            return Optional.of(yaml.read(candidate.toString(), Files.readString(candidate)));
          }
        }
      }
      String resource = CLASSPATH_ROOT + "fragments/" + fileName;
      try (InputStream in = classLoader.getResourceAsStream(resource)) {
        if (in != null) {
          return Optional.of(yaml.read("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (ScenarioException e) {
      problems.addAll(e.diagnostics());
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Diagnostic.at(where, "cannot read fragment '" + ref + "': " + e.getMessage()));
      return Optional.empty();
    }
    problems.add(Diagnostic.at(where, "no fragment '" + ref + "'; expected " + fileName + " beside the script, in fragments/, or bundled under " + CLASSPATH_ROOT + "fragments/"));
    return Optional.empty();
  }
}

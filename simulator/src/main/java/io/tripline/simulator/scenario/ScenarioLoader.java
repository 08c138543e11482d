package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.text.LocatedTextException;
import io.tripline.core.text.Utf8;
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
import java.nio.file.InvalidPathException;
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
  private final boolean includeOutside;

  public ScenarioLoader(ApiCatalog catalog) {
    this(catalog, ScenarioLoader.class.getClassLoader());
  }

  public ScenarioLoader(ApiCatalog catalog, ClassLoader classLoader) {
    this(catalog, classLoader, false);
  }

  private ScenarioLoader(ApiCatalog catalog, ClassLoader classLoader, boolean includeOutside) {
    this.catalog = catalog;
    this.classLoader = classLoader;
    this.includeOutside = includeOutside;
  }

  /**
   * This loader, letting {@code include} name any file ({@code ..}, absolute paths, links out of the
   * library) when {@code allow} is true ({@code --allow-include-outside}). By default an include
   * resolves only inside the scenario library: the including script's directory and the
   * {@code fragments/} directory beside it, or the bundled fragments.
   */
  public ScenarioLoader allowIncludeOutside(boolean allow) {
    return new ScenarioLoader(catalog, classLoader, allow);
  }

  public LoadResult load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Utf8.read(file);
    } catch (LocatedTextException e) {
      return new LoadResult(name, LoadResult.Kind.UNKNOWN, List.of(), List.of(), List.of(new Diagnostic(name, e.line(), e.column(), e.problem())));
    } catch (IOException e) {
      return new LoadResult(name, LoadResult.Kind.UNKNOWN, List.of(), List.of(), List.of(new Diagnostic(name, 0, 0, "cannot read: " + e.getMessage())));
    }
    return load(name, text, file.toAbsolutePath().getParent());
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
    String shown = shown(ref);
    String confined = includeOutside ? null : confinementProblem(ref);
    if (confined != null) {
      problems.add(Diagnostic.at(where, "include '" + shown + "' " + confined));
      return Optional.empty();
    }
    try {
      List<Path> candidates = new ArrayList<>();
      if (includeOutside && Path.of(fileName).isAbsolute()) {
        candidates.add(Path.of(fileName));
      } else if (dir != null) {
        candidates.addAll(List.of(dir.resolve(fileName), dir.resolve("fragments").resolve(fileName), dir.resolve("../fragments").resolve(fileName).normalize()));
      }
      for (Path candidate : candidates) {
        if (Files.isRegularFile(candidate)) {
          if (!includeOutside && !inside(candidate, dir)) {
            problems.add(Diagnostic.at(where, "include '" + shown + "' leads outside the scenario library (through a symbolic link); "
                + "pass --allow-include-outside to read it"));
            return Optional.empty();
          }
          try {
            return Optional.of(yaml.read(candidate.toString(), Utf8.read(candidate)));
          } catch (LocatedTextException e) {
            problems.add(new Diagnostic(candidate.toString(), e.line(), e.column(), e.problem()));
            return Optional.empty();
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
    } catch (InvalidPathException e) {
      problems.add(Diagnostic.at(where, "include '" + shown + "' is not a valid file name (" + e.getReason() + ")"));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Diagnostic.at(where, "cannot read fragment '" + shown + "': " + e.getMessage()));
      return Optional.empty();
    }
    problems.add(Diagnostic.at(where, "no fragment '" + shown + "'; expected " + shown(fileName) + " beside the script, in fragments/, or bundled under " + CLASSPATH_ROOT + "fragments/"));
    return Optional.empty();
  }

  /** Why {@code ref} may not be an include inside the library (absolute, {@code ..}, odd characters), or null. */
  private static String confinementProblem(String ref) {
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return "is not a valid include name (it contains " + (c == '\\' ? "a backslash" : String.format("the control character U+%04X", (int) c))
            + "); name a fragment such as small-account or fragments/company";
      }
    }
    if (ref.startsWith("/") || ref.matches("^[A-Za-z]:.*")) {
      return "is an absolute path; includes resolve inside the scenario library: pass --allow-include-outside to read it";
    }
    for (String part : ref.split("/")) {
      if (part.equals("..")) {
        return "leaves the scenario library ('..'); pass --allow-include-outside to read it";
      }
    }
    return null;
  }

  /** Whether {@code file}, links resolved, is in {@code dir} or the {@code fragments/} beside it. */
  private static boolean inside(Path file, Path dir) throws IOException {
    Path real = file.toRealPath();
    Path base = dir.toRealPath();
    if (real.startsWith(base)) {
      return true;
    }
    Path fragments = dir.resolve("../fragments").normalize();
    return Files.isDirectory(fragments) && real.startsWith(fragments.toRealPath());
  }

  /** The text with control characters made visible. */
  private static String shown(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 200; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? (c == 0 ? "\\0" : String.format("\\u%04x", (int) c)) : String.valueOf(c));
    }
    return s.length() > 200 ? b + "..." : b.toString();
  }
}

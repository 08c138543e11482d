package io.tripline.cli.scenario;

import io.tripline.simulator.ApiCatalog;
import io.tripline.simulator.Diagnostic;
import io.tripline.simulator.LoadResult;
import io.tripline.simulator.ScenarioLibrary;
import io.tripline.simulator.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where scenario commands find scripts: a file, a directory of YAML files, or a bundled scenario
 * or baseline named by id (the scripts shipped in the attack-scenarios module).
 */
public final class ScenarioSources {

  private final ApiCatalog catalog = ApiCatalog.bundled();
  private final ScenarioLoader loader = new ScenarioLoader(catalog);
  private final ScenarioLibrary library = new ScenarioLibrary(loader, ScenarioSources.class.getClassLoader());

  public ApiCatalog catalog() {
    return catalog;
  }

  public ScenarioLibrary library() {
    return library;
  }

  /** Loads each argument; a bad argument becomes a LoadResult with a diagnostic, never an exception. */
  public List<LoadResult> load(List<String> args) {
    List<LoadResult> out = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(f -> out.add(loader.load(f)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(loader.load(p));
      } else {
        out.add(bundled(arg));
      }
    }
    return out;
  }

  /** A bundled scenario or baseline by id ({@code soc-2024-219-cloudtrail-log-enumeration}, {@code developer}). */
  public LoadResult bundled(String id) {
    String base = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
    for (String resource : library.resources()) {
      if (resource.endsWith("/" + base + ".yaml")) {
        return library.load(resource);
      }
    }
    return new LoadResult(id, LoadResult.Kind.UNKNOWN, List.of(), List.of(), List.of(new Diagnostic(id, 0, 0,
        "no such file, and no bundled scenario or baseline with that id; see `tripline scenario list`")));
  }
}

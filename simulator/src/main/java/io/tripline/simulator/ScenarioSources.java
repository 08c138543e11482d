package io.tripline.simulator;

import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.BaselineProfile;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLibrary;
import io.tripline.simulator.scenario.ScenarioLoader;
import io.tripline.simulator.source.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where commands find scripts: a file, a directory of YAML files, or a bundled scenario or
 * baseline named by id, or {@code id/variant} (the scripts shipped in the attack-scenarios
 * module). {@code simulate} and {@code coverage} resolve their SCRIPT arguments here.
 */
public final class ScenarioSources {

  private final ApiCatalog catalog = ApiCatalog.bundled();
  private final ScenarioLoader loader;
  private final ScenarioLibrary library;

  /** Sources whose includes stay inside the scenario library. */
  public ScenarioSources() {
    this(false);
  }

  /** {@code allowIncludeOutside}: {@code --allow-include-outside}, includes may name any file. */
  public ScenarioSources(boolean allowIncludeOutside) {
    loader = new ScenarioLoader(catalog).allowIncludeOutside(allowIncludeOutside);
    library = new ScenarioLibrary(loader, ScenarioSources.class.getClassLoader());
  }

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
    List<String> known = new ArrayList<>();
    for (String resource : library.resources()) {
      if (!resource.contains("/fragments/")) {
        known.add(resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".yaml".length()));
      }
    }
    String lower = base.toLowerCase();
    List<String> nearest = known.stream()
        .sorted(java.util.Comparator.comparingInt((String k) -> ApiCatalog.distance(lower, k)).thenComparing(k -> k))
        .limit(3).toList();
    return new LoadResult(id, LoadResult.Kind.UNKNOWN, List.of(), List.of(), List.of(new Diagnostic(id, 0, 0,
        "no such file, and no bundled scenario or baseline with that id; nearest: " + String.join(", ", nearest)
            + " (see `tripline scenario list`)")));
  }

  /**
   * What one SCRIPT argument selects to run: a file's or an id's base scenario, the variant named
   * by {@code id/variant}, every base scenario of a directory, or a baseline profile given alone.
   * Problems (a script that does not load, a fragment, an unknown variant) come back as diagnostics.
   */
  public Selection select(String arg) {
    boolean directory = Files.isDirectory(Path.of(arg));
    List<Scenario> scenarios = new ArrayList<>();
    List<BaselineProfile> baselines = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (LoadResult r : load(List.of(arg))) {
      if (!r.ok()) {
        problems.addAll(r.diagnostics());
      } else if (!r.baselines().isEmpty()) {
        if (!directory) {
          baselines.add(r.baselines().get(0));
        }
      } else if (!r.scenarios().isEmpty()) {
        if (directory || !arg.contains("/") || Files.isRegularFile(Path.of(arg))) {
          scenarios.add(r.scenarios().get(0));
        } else {
          Optional<Scenario> variant = r.scenarios().stream().filter(x -> x.id().equals(arg)).findFirst();
          if (variant.isPresent()) {
            scenarios.add(variant.get());
          } else {
            List<String> ids = r.scenarios().stream().map(Scenario::id).toList();
            problems.add(new Diagnostic(arg, 0, 0, "no variant '" + arg.substring(arg.indexOf('/') + 1) + "' of "
                + ids.get(0) + "; expected one of " + String.join(", ", ids)));
          }
        }
      } else if (!directory) {
        problems.add(new Diagnostic(arg, 0, 0, "is a fragment (shared account model), not a scenario; include it from a scenario"));
      }
    }
    return new Selection(List.copyOf(scenarios), List.copyOf(baselines), List.copyOf(problems));
  }

  /** Scenarios and baseline profiles one argument selects, or why it selects nothing usable. */
  public record Selection(List<Scenario> scenarios, List<BaselineProfile> baselines, List<Diagnostic> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }
}

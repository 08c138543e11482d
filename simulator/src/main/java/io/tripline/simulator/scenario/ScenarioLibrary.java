package io.tripline.simulator.scenario;

import io.tripline.simulator.source.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The scripts bundled on the classpath under {@code scenarios/} (the attack-scenarios module):
 * found by listing the directory or jar, so adding a script needs no code and no index.
 */
public final class ScenarioLibrary {

  private final ScenarioLoader loader;
  private final ClassLoader classLoader;

  public ScenarioLibrary(ScenarioLoader loader, ClassLoader classLoader) {
    this.loader = loader;
    this.classLoader = classLoader;
  }

  /** Resource names of every bundled YAML file: scripts, {@code fragments/}, {@code baselines/}. */
  public List<String> resources() {
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = classLoader.getResources(ScenarioLoader.CLASSPATH_ROOT);
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        if (url.getProtocol().equals("jar")) {
          JarURLConnection c = (JarURLConnection) url.openConnection();
          c.setUseCaches(false);
          try (JarFile jar = c.getJarFile()) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
              String n = e.nextElement().getName();
              if (n.startsWith(ScenarioLoader.CLASSPATH_ROOT) && n.endsWith(".yaml")) {
                names.add(n);
              }
            }
          }
        } else if (url.getProtocol().equals("file")) {
          Path root = Path.of(url.toURI());
          try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".yaml"))
                .forEach(f -> names.add(ScenarioLoader.CLASSPATH_ROOT + root.relativize(f).toString().replace('\\', '/')));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(names);
  }

  /** Loads one bundled resource by name. */
  public LoadResult load(String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        return new LoadResult(resource, LoadResult.Kind.UNKNOWN, List.of(), List.of(), List.of(new Diagnostic(resource, 0, 0, "no such bundled file")));
      }
      return loader.load("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every bundled file, loaded. */
  public List<LoadResult> loadAll() {
    List<LoadResult> out = new ArrayList<>();
    for (String r : resources()) {
      out.add(load(r));
    }
    return out;
  }

  /** Bundled scenarios (base scripts and their variants). */
  public List<Scenario> scenarios() {
    return loadAll().stream().flatMap(r -> r.scenarios().stream()).toList();
  }

  public List<BaselineProfile> baselines() {
    return loadAll().stream().flatMap(r -> r.baselines().stream()).toList();
  }

  public Optional<Scenario> scenario(String id) {
    return scenarios().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<BaselineProfile> baseline(String id) {
    return baselines().stream().filter(b -> b.id().equals(id)).findFirst();
  }
}

package io.tripline.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.core.text.LocatedTextException;
import io.tripline.core.text.Utf8;
import io.tripline.core.text.YamlTree;
import io.tripline.rego.PolicySources;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The Rego modules and data of a rule library, loaded as {@code opa eval -d} loads them: from
 * directories (data files placed at their directory's path), from the library bundled on the
 * classpath, plus data files given by the user (placed at the root). {@code _test.rego} files are
 * left out: they are the library's tests, not detections.
 */
public record PolicyFiles(Map<String, String> modules, Value data) {

  /** The resource that marks the bundled library's root on the classpath (the policies module). */
  public static final String BUNDLE_MARKER = "tripline-data.yaml";

  /** Loads directories or files; each directory is a root. */
  public static PolicyFiles fromPaths(List<Path> paths) throws IOException {
    PolicySources s = PolicySources.load(paths);
    Map<String, String> modules = new LinkedHashMap<>();
    s.modules().forEach((name, text) -> {
      if (!name.endsWith("_test.rego")) {
        modules.put(name, text);
      }
    });
    return new PolicyFiles(modules, s.data());
  }

  /** The library bundled on the class path (the directory or jar that holds {@link #BUNDLE_MARKER}). */
  public static PolicyFiles bundled(ClassLoader loader) {
    Map<String, String> files = new TreeMap<>();
    try {
      URL marker = loader.getResource(BUNDLE_MARKER);
      if (marker == null) {
        throw new IllegalStateException("the bundled rule library (" + BUNDLE_MARKER + ") is not on the class path");
      }
      if (marker.getProtocol().equals("jar")) {
        JarURLConnection c = (JarURLConnection) marker.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (!entry.isDirectory() && wanted(entry.getName())) {
              try (InputStream in = jar.getInputStream(entry)) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        }
      } else {
        Path root = Path.of(marker.toURI()).getParent();
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path f : walk.filter(Files::isRegularFile).toList()) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            if (wanted(rel)) {
              files.put(rel, Files.readString(f));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> modules = new LinkedHashMap<>();
    Value data = ObjectValue.EMPTY;
    for (Map.Entry<String, String> f : files.entrySet()) {
      String name = f.getKey();
      if (name.endsWith(".rego")) {
        modules.put("bundled:" + name, f.getValue());
      } else {
        Value doc;
        try {
          doc = name.endsWith(".json") ? ValueJson.parseJson(f.getValue()) : yaml("bundled:" + name, f.getValue());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        data = PolicySources.merge(data, nest(name, doc));
      }
    }
    return new PolicyFiles(modules, data);
  }

  private static boolean wanted(String name) {
    boolean rule = name.startsWith("rules/") || name.startsWith("lib/") || name.startsWith("mitre/");
    boolean kind = name.endsWith(".rego") || name.endsWith(".yaml") || name.endsWith(".json");
    return (rule && kind && !name.endsWith("_test.rego")) || name.equals(BUNDLE_MARKER);
  }

  private static Value nest(String file, Value doc) {
    String[] parts = file.split("/");
    Value v = doc;
    for (int i = parts.length - 2; i >= 0; i--) {
      v = ObjectValue.builder().put(parts[i], v).build();
    }
    return v;
  }

  /** This library with data files merged at the root (each file in turn, later ones winning). */
  public PolicyFiles withData(List<Path> dataFiles) throws IOException {
    Value merged = data;
    for (Path f : dataFiles) {
      if (!Files.isRegularFile(f)) {
        throw new IOException(f + ": no such data file (give a .json or .yaml file)");
      }
      String n = f.toString();
      Value doc = n.endsWith(".yaml") || n.endsWith(".yml") ? yaml(n, readUtf8(f)) : PolicySources.readData(f);
      merged = PolicySources.merge(merged, doc);
    }
    return new PolicyFiles(modules, merged);
  }

  /** This library with a data document from the class path merged at the root (e.g. a bundled context). */
  public PolicyFiles withDataResource(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the bundled data file " + resource + " is missing from the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Value doc = resource.endsWith(".json") ? ValueJson.parseJson(text) : yaml("classpath:" + resource, text);
      return new PolicyFiles(modules, PolicySources.merge(data, doc));
    }
  }

  /**
   * A YAML data document: aliases resolved (expansion bounded), one document, no repeated keys
   * ({@link YamlTree}); an empty file is an empty object. Problems name {@code name}:line:col.
   */
  private static Value yaml(String name, String text) throws IOException {
    try {
      JsonNode node = YamlTree.read(text);
      return node == null ? ObjectValue.EMPTY : ValueJson.fromNode(node);
    } catch (LocatedTextException e) {
      throw new IOException(e.in(name));
    }
  }

  private static String readUtf8(Path f) throws IOException {
    try {
      return Utf8.read(f);
    } catch (LocatedTextException e) {
      throw new IOException(e.in(f.toString()));
    }
  }

  /** Both libraries together (modules of both; data merged, other's winning). */
  public PolicyFiles plus(PolicyFiles other) {
    Map<String, String> m = new LinkedHashMap<>(modules);
    m.putAll(other.modules);
    return new PolicyFiles(m, PolicySources.merge(data, other.data));
  }
}

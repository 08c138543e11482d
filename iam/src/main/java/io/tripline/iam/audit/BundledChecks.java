package io.tripline.iam.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The IAM checks shipped with Tripline: every {@code .rego} file (tests excluded) under the
 * classpath folder {@code iam/} that the {@code policies} module packages, found by listing the
 * folder (a jar or a directory), so a new check needs no code.
 */
public final class BundledChecks {

  static final String ANCHOR = "iam/lib/purpose.rego";

  private BundledChecks() {}

  /** File name (relative to {@code iam/}) to Rego text; empty when the policies module is not on the classpath. */
  public static Map<String, String> modules() {
    URL url = BundledChecks.class.getClassLoader().getResource(ANCHOR);
    if (url == null) {
      return Map.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return read(fs.getPath("/iam"));
      }
      return read(Path.of(uri).getParent().getParent());
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(new IOException("cannot list the bundled IAM checks at " + url + ": " + e.getMessage(), e));
    }
  }

  /** Every non-test {@code .rego} file under {@code dir}, keyed by its path relative to {@code dir}. */
  public static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".rego") && !name.endsWith("_test.rego")) {
          out.put("iam/" + dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}

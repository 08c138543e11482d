package io.tripline.rego;

import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Rego-version part of an OPA bundle's {@code .manifest}: {@code rego_version} for every
 * module of the bundle, {@code file_rego_versions} (path globs relative to the bundle root) for
 * single files; a file glob wins over the bundle's version.
 */
record BundleManifest(RegoVersion bundle, Map<PathMatcher, RegoVersion> files) {
  static final BundleManifest NONE = new BundleManifest(null, Map.of());

  static BundleManifest read(Path root) throws IOException {
    Path f = root.resolve(".manifest");
    if (!Files.isRegularFile(f)) {
      return NONE;
    }
    Value m;
    try {
      m = ValueJson.parseJson(Files.readString(f));
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": " + e.getMessage(), e);
    }
    if (!(m instanceof ObjectValue o)) {
      throw new IOException(f + ": manifest must be a JSON object");
    }
    RegoVersion bundle = version(f, "rego_version", o.get(StringValue.of("rego_version")));
    Map<PathMatcher, RegoVersion> files = new LinkedHashMap<>();
    if (o.get(StringValue.of("file_rego_versions")) instanceof ObjectValue perFile) {
      for (Value k : perFile.keys()) {
        String glob = ((StringValue) k).value().replaceFirst("^/+", "");
        files.put(FileSystems.getDefault().getPathMatcher("glob:" + glob),
            version(f, "file_rego_versions", perFile.get(k)));
      }
    }
    return new BundleManifest(bundle, files);
  }

  private static RegoVersion version(Path f, String field, Value v) throws IOException {
    if (v == null) {
      return null;
    }
    if (v instanceof NumberValue n && (n.equals(NumberValue.ZERO) || n.equals(NumberValue.ONE))) {
      return n.equals(NumberValue.ZERO) ? RegoVersion.V0 : RegoVersion.V1;
    }
    throw new IOException(f + ": " + field + ": a Rego version is 0 or 1, not " + v);
  }

  /** The version of a module at {@code relative} (to the bundle root); {@code fallback} when the manifest is silent. */
  RegoVersion regoVersion(Path relative, RegoVersion fallback) {
    for (Map.Entry<PathMatcher, RegoVersion> e : files.entrySet()) {
      if (e.getKey().matches(relative)) {
        return e.getValue();
      }
    }
    return bundle != null ? bundle : fallback;
  }
}

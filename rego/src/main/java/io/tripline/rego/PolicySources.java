package io.tripline.rego;

import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rego modules and data documents loaded from files and directories as {@code opa eval -d}
 * does: {@code .rego} files are modules; {@code .json}/{@code .yaml} files are data, placed at
 * the path of their directory relative to the directory given (a file given directly goes at
 * the root); documents merge deeply. {@code regoVersions} says which modules are written in a
 * Rego version other than v1 (file name to version; a file not listed is v1).
 */
public record PolicySources(Map<String, String> modules, Value data, Map<String, RegoVersion> regoVersions) {

  public PolicySources(Map<String, String> modules, Value data) {
    this(modules, data, Map.of());
  }

  /** The Rego version of a module file: the one recorded, else v1. */
  public RegoVersion regoVersion(String file) {
    return regoVersions.getOrDefault(file, RegoVersion.V1);
  }

  /** The same modules and versions with other data. */
  public PolicySources withData(Value other) {
    return new PolicySources(modules, other, regoVersions);
  }

  /** Loads v1 modules and data. */
  public static PolicySources load(List<Path> paths) throws IOException {
    return load(paths, RegoVersion.V1);
  }

  /**
   * Loads modules and data, modules being in the given Rego version ({@code V0} for
   * {@code --v0-compatible}) unless a directory is a bundle whose {@code .manifest} says otherwise,
   * as OPA's bundle manifest does: {@code rego_version} (0 or 1) for the whole bundle,
   * {@code file_rego_versions} (glob of a path in the bundle to 0 or 1) per file.
   */
  public static PolicySources load(List<Path> paths, RegoVersion version) throws IOException {
    Map<String, String> modules = new LinkedHashMap<>();
    Map<String, RegoVersion> versions = new LinkedHashMap<>();
    Value data = ObjectValue.EMPTY;
    for (Path root : paths) {
      if (!Files.exists(root)) {
        throw new IOException("no such file or directory: " + root);
      }
      List<Path> files;
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(root);
      }
      BundleManifest manifest = Files.isDirectory(root) ? BundleManifest.read(root) : BundleManifest.NONE;
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".rego")) {
          modules.put(f.toString(), readRego(f));
          RegoVersion v = manifest.regoVersion(root.relativize(f), version);
          if (v != RegoVersion.V1) {
            versions.put(f.toString(), v);
          }
        } else if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
          Value doc = readData(f);
          List<String> at = new ArrayList<>();
          if (Files.isDirectory(root) && f.getParent() != null) {
            for (Path seg : root.relativize(f.getParent())) {
              if (!seg.toString().isEmpty()) {
                at.add(seg.toString());
              }
            }
          }
          data = merge(data, nest(at, doc));
        }
      }
    }
    return new PolicySources(modules, data, versions);
  }

  /** Reads one JSON or YAML data file. */
  public static Value readData(Path f) throws IOException {
    String text = readUtf8(f);
    try {
      String name = f.getFileName().toString();
      return name.endsWith(".json") ? ValueJson.fromNode(readJsonDocument(f, text)) : ValueJson.parseYaml(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper ONE_DOCUMENT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Exactly one JSON value: concatenated documents or trailing text are an error with their line and column. */
  private static com.fasterxml.jackson.databind.JsonNode readJsonDocument(Path f, String text) throws IOException {
    try {
      return ONE_DOCUMENT.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
      String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
          ? "content after the first JSON value (concatenated documents or trailing text); a data file holds one JSON value"
          : e.getOriginalMessage();
      throw new IOException(f + ":" + where + why, e);
    }
  }

  /** A policy file's text; not UTF-8 is a {@code rego_parse_error} at the first bad byte. */
  static String readRego(Path f) throws IOException {
    try {
      return readUtf8(f);
    } catch (BadUtf8 e) {
      throw new RegoException(List.of(new RegoError("rego_parse_error", e.why, e.at)));
    }
  }

  /**
   * A file's text as UTF-8; anything else is an {@link IOException} whose message is
   * {@code file:line:col: invalid UTF-8 (byte 0x..): save the file as UTF-8}.
   */
  public static String readUtf8(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int col = new String(bytes, lineStart, bad - lineStart, java.nio.charset.StandardCharsets.UTF_8).length() + 1;
      throw new BadUtf8(new io.tripline.rego.ast.Location(f.toString(), line, col),
          String.format("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", bytes[bad] & 0xff));
    }
    out.flip();
    return out.toString();
  }

  /** A file that is not UTF-8, located at its first bad byte. */
  static final class BadUtf8 extends IOException {
    final transient io.tripline.rego.ast.Location at;
    final String why;

    BadUtf8(io.tripline.rego.ast.Location at, String why) {
      super(at + ": " + why);
      this.at = at;
      this.why = why;
    }
  }

  private static Value nest(List<String> path, Value doc) {
    Value v = doc;
    for (int i = path.size() - 1; i >= 0; i--) {
      v = ObjectValue.builder().put(path.get(i), v).build();
    }
    return v;
  }

  /** Deep merge: objects merge key by key, anything else is replaced by b. */
  public static Value merge(Value a, Value b) {
    if (!(a instanceof ObjectValue x) || !(b instanceof ObjectValue y)) {
      return b;
    }
    ObjectValue.Builder out = ObjectValue.builder();
    for (Value k : x.keys()) {
      out.put(k, x.get(k));
    }
    for (Value k : y.keys()) {
      Value prev = x.get(k);
      out.put(k, prev == null ? y.get(k) : merge(prev, y.get(k)));
    }
    return out.build();
  }

  static StringValue key(String s) {
    return StringValue.of(s);
  }
}

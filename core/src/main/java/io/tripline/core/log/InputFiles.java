package io.tripline.core.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands the paths a user gave into the files to read, in a stable order. A file named directly is
 * always read (its format is detected from its content). In a directory, every file whose name
 * looks like a log ({@code .json}, {@code .json.gz}, {@code .jsonl}, {@code .ndjson}, {@code .gz},
 * ...) is read, and CloudTrail digest files (under {@code CloudTrail-Digest/} or named
 * {@code *_CloudTrail-Digest_*}) are set aside to be counted, not read.
 */
final class InputFiles {

  /** A file to read, or a digest file to count. */
  record Entry(Path path, boolean digest) {}

  private InputFiles() {}

  static List<Entry> expand(List<Path> paths) {
    List<Entry> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        out.addAll(walk(p));
      } else if (Files.exists(p)) {
        if (!Files.isReadable(p)) {
          throw new LogInputException(p + ": permission denied");
        }
        out.add(new Entry(p, isDigest(p)));
      } else {
        throw new LogInputException(p + ": no such file or directory");
      }
    }
    return out;
  }

  private static List<Entry> walk(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> looksLikeLog(f.getFileName().toString()))
          .sorted()
          .map(f -> new Entry(f, isDigest(f)))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new LogInputException(dir + ": cannot list the directory (" + e.getMessage() + ")");
    }
  }

  /** The manifest {@code tripline simulate} writes beside its records: not a log file. */
  static final String RUN_MANIFEST = "tripline-manifest.json";

  static boolean looksLikeLog(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith(".") || n.equals(RUN_MANIFEST)) {
      return false;
    }
    return n.endsWith(".json") || n.endsWith(".gz") || n.endsWith(".jsonl") || n.endsWith(".ndjson")
        || n.endsWith(".json.gz") || n.endsWith(".jsonl.gz");
  }

  static boolean isDigest(Path file) {
    if (file.getFileName().toString().contains("_CloudTrail-Digest_")) {
      return true;
    }
    for (Path part : file) {
      if (part.toString().equals("CloudTrail-Digest")) {
        return true;
      }
    }
    return false;
  }
}

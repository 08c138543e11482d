package io.tripline.core.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Expands the paths a user gave into the files to read, in a stable order. A file named directly is
 * always read (its format is detected from its content). In a directory, every file whose name
 * looks like a log ({@code .json}, {@code .json.gz}, {@code .jsonl}, {@code .ndjson}, {@code .gz},
 * ...) is read, and CloudTrail digest files (under {@code CloudTrail-Digest/} or named
 * {@code *_CloudTrail-Digest_*}) are set aside to be counted, not read. Symbolic links to
 * directories are followed, with loop detection.
 */
final class InputFiles {

  /** A file to read, a digest file to count, or an entry that cannot be read ({@code problem} says why). */
  record Entry(Path path, boolean digest, String problem) {
    Entry(Path path, boolean digest) {
      this(path, digest, null);
    }
  }

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

  /**
   * The log files under {@code dir}, following symbolic links to directories (a link back to a
   * directory being walked is a loop, reported once and not followed); dangling links and entries
   * that cannot be read are reported as entries with a problem, in path order with the files.
   */
  private static List<Entry> walk(Path dir) {
    List<Entry> out = new ArrayList<>();
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink()) {
            // with FOLLOW_LINKS, a link is seen as a link only when its target cannot be reached
            out.add(new Entry(f, false, "dangling symbolic link (its target does not exist); remove it or fix the target"));
          } else if (attrs.isRegularFile() && looksLikeLog(f.getFileName().toString())) {
            out.add(new Entry(f, isDigest(f)));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          if (e instanceof FileSystemLoopException) {
            out.add(new Entry(f, false, "symbolic link loop (it leads back to a directory being read); not followed"));
          } else if (e instanceof AccessDeniedException) {
            out.add(new Entry(f, false, "permission denied; not read"));
          } else {
            out.add(new Entry(f, false, "cannot be read (" + e.getMessage() + "); not read"));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new LogInputException(dir + ": cannot list the directory (" + e.getMessage() + ")");
    }
    out.sort(Comparator.comparing(Entry::path));
    return out;
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

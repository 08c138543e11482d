package io.tripline.cli.simulate;

import io.tripline.simulator.RunManifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code --out} directory of a simulation: new or empty is fine; a non-empty one is refused
 * unless {@code --force}, which removes only what an earlier run wrote (the files its manifest
 * lists, the manifest, and directories that become empty), never a user's other files.
 */
final class OutputDirectory {

  private final Path dir;

  OutputDirectory(Path dir) {
    this.dir = dir;
  }

  /** Null when the directory is ready to be written, else why it is refused (nothing was deleted then). */
  String prepare(boolean force) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return "--out " + dir + " is a file; expected a directory (new or empty)";
    }
    if (!Files.isDirectory(dir) || isEmpty(dir)) {
      return null;
    }
    if (!force) {
      return "--out " + dir + " is not empty; choose a new or empty directory, or add --force to replace an earlier "
          + "`tripline simulate` output there (only the files its " + RunManifest.FILE_NAME + " lists are removed)";
    }
    Optional<RunManifest> manifest = RunManifest.read(dir);
    if (manifest.isEmpty()) {
      return "--out " + dir + " is not empty and has no " + RunManifest.FILE_NAME
          + ", so --force cannot tell which files an earlier run wrote; nothing was deleted. Choose a new or empty directory";
    }
    Path root = dir.toAbsolutePath().normalize();
    for (String f : manifest.get().files()) {
      Path file = root.resolve(f).normalize();
      if (!file.startsWith(root) || file.equals(root)) {
        continue; // a manifest never lists files outside its directory; ignore one that does
      }
      Files.deleteIfExists(file);
      for (Path parent = file.getParent(); parent != null && !parent.equals(root) && isEmpty(parent); parent = parent.getParent()) {
        Files.delete(parent);
      }
    }
    Files.deleteIfExists(root.resolve(RunManifest.FILE_NAME));
    return null;
  }

  private static boolean isEmpty(Path d) throws IOException {
    if (!Files.isDirectory(d)) {
      return false;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
      return !s.iterator().hasNext();
    }
  }
}

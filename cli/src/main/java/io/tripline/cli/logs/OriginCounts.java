package io.tripline.cli.logs;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.RecordOrigin;
import io.tripline.simulator.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records counted by where they came from, when the logs are {@code tripline simulate} output with
 * its manifest: per scenario and step, per baseline profile, and records the manifest does not know.
 */
final class OriginCounts {

  /** Records of one scenario run or baseline profile; {@code steps} by "step N call". */
  record Group(String label, long count, Map<String, Long> steps) {}

  private final Map<String, RecordOrigin> origins = new LinkedHashMap<>();
  private final Map<String, long[]> groups = new TreeMap<>();
  private final Map<String, Map<String, Long>> steps = new TreeMap<>();
  private long unknown;

  /** Reads the manifest of every directory among {@code paths}; none found leaves this empty. */
  static OriginCounts load(List<String> paths) throws IOException {
    OriginCounts c = new OriginCounts();
    for (String p : paths) {
      Path dir = Path.of(p);
      if (Files.isDirectory(dir)) {
        RunManifest.read(dir).ifPresent(m -> c.origins.putAll(m.origins()));
      }
    }
    return c;
  }

  boolean present() {
    return !origins.isEmpty();
  }

  void add(CloudTrailRecord r) {
    if (!present()) {
      return;
    }
    RecordOrigin o = r.eventID() == null ? null : origins.get(r.eventID());
    if (o == null) {
      unknown++;
      return;
    }
    String label = o.baseline().map(b -> "baseline " + b)
        .orElseGet(() -> "scenario " + o.scenarioId().orElse("?") + o.variant().map(v -> "/" + v).orElse(""));
    groups.computeIfAbsent(label, k -> new long[1])[0]++;
    o.step().ifPresent(s -> steps.computeIfAbsent(label, k -> new TreeMap<>())
        .merge(String.format("step %2d %s", s.index() + 1, s.call()), 1L, Long::sum));
  }

  /** Scenario runs first, then baselines. */
  List<Group> groups() {
    return groups.entrySet().stream()
        .sorted((a, b) -> Boolean.compare(a.getKey().startsWith("baseline"), b.getKey().startsWith("baseline")))
        .map(e -> new Group(e.getKey(), e.getValue()[0], steps.getOrDefault(e.getKey(), Map.of())))
        .toList();
  }

  /** Records read that the manifest does not list (added to the directory after the run). */
  long unknown() {
    return unknown;
  }
}

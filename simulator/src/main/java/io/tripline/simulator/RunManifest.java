package io.tripline.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.scenario.Expectation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code tripline simulate --out DIR} wrote, kept in {@code DIR/tripline-manifest.json}
 * beside the records: the runs (scenario, variant, seed), the files written (relative to DIR), and
 * for every record its origin by eventID. The records themselves carry no Tripline-only field.
 */
public record RunManifest(List<Run> runs, List<String> files, Map<String, RecordOrigin> origins) {

  public static final String FILE_NAME = "tripline-manifest.json";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One run: a scenario (or variant) with baselines mixed in, or a baseline profile alone. */
  public record Run(Optional<String> scenarioId, Optional<String> variant, Optional<String> baseline, String runId, long seed, int records) {}

  /** The manifest of these runs, whose records went to {@code files} (paths relative to the output directory). */
  public static RunManifest of(List<SimulationResult> results, List<String> files) {
    List<Run> runs = new ArrayList<>();
    Map<String, RecordOrigin> origins = new LinkedHashMap<>();
    for (SimulationResult r : results) {
      String id = r.scenarioId();
      boolean alone = id.startsWith(Simulator.BASELINE_RUN);
      String base = alone ? null : id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
      String variant = alone || !id.contains("/") ? null : id.substring(id.indexOf('/') + 1);
      runs.add(new Run(Optional.ofNullable(base), Optional.ofNullable(variant),
          alone ? Optional.of(id.substring(Simulator.BASELINE_RUN.length())) : Optional.empty(), r.runId(), r.seed(), r.records().size()));
      origins.putAll(r.origins());
    }
    return new RunManifest(List.copyOf(runs), List.copyOf(files), origins);
  }

  /** The manifest in {@code dir}, if there is one. */
  public static Optional<RunManifest> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not a Tripline run manifest (invalid JSON at line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || root.path("manifestVersion").asInt(0) != VERSION) {
      throw new IOException(file + ": not a Tripline run manifest of version " + VERSION);
    }
    List<Run> runs = new ArrayList<>();
    for (JsonNode r : root.path("runs")) {
      runs.add(new Run(text(r, "scenario"), text(r, "variant"), text(r, "baseline"), r.path("runId").asText(), r.path("seed").asLong(),
          r.path("records").asInt()));
    }
    List<String> files = new ArrayList<>();
    root.path("files").forEach(f -> files.add(f.asText()));
    Map<String, RecordOrigin> origins = new LinkedHashMap<>();
    for (JsonNode o : root.path("records")) {
      JsonNode s = o.path("step");
      Optional<RecordOrigin.StepRef> step = s.isObject()
          ? Optional.of(new RecordOrigin.StepRef(s.path("index").asInt(), s.path("name").asText(), s.path("call").asText(),
              new Expectation(strings(s.path("expect").path("fire")), strings(s.path("expect").path("notFire")))))
          : Optional.empty();
      String id = o.path("eventID").asText();
      origins.put(id, new RecordOrigin(id, text(o, "scenario"), text(o, "variant"), step, text(o, "baseline"),
          o.path("actor").asText(), o.path("expectedOutcome").asText("success"), text(o, "errorCode")));
    }
    return Optional.of(new RunManifest(List.copyOf(runs), List.copyOf(files), origins));
  }

  /** Writes {@code dir/tripline-manifest.json}. */
  public Path write(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    JSON.writeValue(file.toFile(), toJson());
    return file;
  }

  ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("manifestVersion", VERSION);
    root.put("tool", "tripline simulate");
    ArrayNode rs = root.putArray("runs");
    for (Run r : runs) {
      ObjectNode o = rs.addObject();
      r.scenarioId().ifPresent(v -> o.put("scenario", v));
      r.variant().ifPresent(v -> o.put("variant", v));
      r.baseline().ifPresent(v -> o.put("baseline", v));
      o.put("runId", r.runId());
      o.put("seed", r.seed());
      o.put("records", r.records());
    }
    ArrayNode fs = root.putArray("files");
    files.forEach(fs::add);
    ArrayNode recs = root.putArray("records");
    for (RecordOrigin origin : origins.values()) {
      ObjectNode o = recs.addObject();
      o.put("eventID", origin.eventId());
      origin.scenarioId().ifPresent(v -> o.put("scenario", v));
      origin.variant().ifPresent(v -> o.put("variant", v));
      origin.step().ifPresent(s -> {
        ObjectNode st = o.putObject("step");
        st.put("index", s.index());
        st.put("number", s.index() + 1);
        st.put("name", s.name());
        st.put("call", s.call());
        ObjectNode ex = st.putObject("expect");
        s.expect().fire().forEach(ex.putArray("fire")::add);
        s.expect().notFire().forEach(ex.putArray("notFire")::add);
      });
      origin.baseline().ifPresent(v -> o.put("baseline", v));
      o.put("actor", origin.actor());
      o.put("expectedOutcome", origin.expectedOutcome());
      origin.errorCode().ifPresent(v -> o.put("errorCode", v));
    }
    return root;
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }
}

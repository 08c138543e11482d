package io.tripline.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The realistic sample records of {@code cloudtrail/sample-log.json}, and ways to lay them out. */
final class Samples {

  static final ObjectMapper JSON = new ObjectMapper();

  private Samples() {}

  /** The sample log file's text, as CloudTrail would deliver it (before gzip). */
  static byte[] logFile() {
    try (InputStream in = Samples.class.getResourceAsStream("/cloudtrail/sample-log.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample records, parsed with plain Jackson (independently of the reader under test). */
  static List<ObjectNode> records() {
    try {
      List<ObjectNode> out = new ArrayList<>();
      JSON.readTree(logFile()).get("Records").forEach(n -> out.add((ObjectNode) n));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CloudTrailRecord> cloudTrailRecords() {
    return records().stream().map(CloudTrailRecord::of).toList();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(buf)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  static byte[] jsonLines() throws IOException {
    StringBuilder s = new StringBuilder();
    for (ObjectNode r : records()) {
      s.append(JSON.writeValueAsString(r)).append('\n');
    }
    return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] jsonArray() throws IOException {
    ArrayNode array = JSON.createArrayNode();
    records().forEach(array::add);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(array);
  }

  /** {@code aws cloudtrail lookup-events} output: each record as a JSON string in CloudTrailEvent. */
  static byte[] lookupEvents() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode events = root.putArray("Events");
    for (ObjectNode r : records()) {
      ObjectNode e = events.addObject();
      e.put("EventId", r.path("eventID").asText());
      e.put("EventName", r.path("eventName").asText());
      e.put("ReadOnly", r.path("readOnly").asText());
      if (r.at("/userIdentity/accessKeyId").isTextual()) {
        e.put("AccessKeyId", r.at("/userIdentity/accessKeyId").asText());
      }
      e.put("EventTime", r.path("eventTime").asText().replace("Z", "+00:00"));
      e.put("EventSource", r.path("eventSource").asText());
      e.putArray("Resources");
      e.put("CloudTrailEvent", JSON.writeValueAsString(r));
    }
    root.put("NextToken", "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /** Reads everything under {@code paths}, skipping bad records. */
  static Read readAll(ReadMode mode, Path... paths) {
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(List.of(paths), mode)) {
      List<JsonNode> records = new ArrayList<>();
      reader.forEach(r -> records.add(r.json()));
      return new Read(records, reader.summary());
    }
  }

  record Read(List<JsonNode> records, ReadSummary summary) {}
}

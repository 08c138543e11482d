package io.tripline.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.core.record.CloudTrailRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Writes one compact JSON document per line (JSON lines / NDJSON): the records themselves, or any
 * view of them such as {@code EcsDocument::of} for Elasticsearch. Closing the writer flushes it and
 * closes {@code out}.
 */
public final class JsonLinesWriter implements AutoCloseable {

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonGenerator gen;
  private final Function<CloudTrailRecord, ? extends JsonNode> view;

  private JsonLinesWriter(OutputStream out, Function<CloudTrailRecord, ? extends JsonNode> view) throws IOException {
    this.gen = mapper.createGenerator(out);
    this.gen.setRootValueSeparator(null);
    this.view = view;
  }

  /** Writes the records as CloudTrail wrote them, field for field. */
  public static JsonLinesWriter records(OutputStream out) throws IOException {
    return new JsonLinesWriter(out, CloudTrailRecord::json);
  }

  /** Writes {@code view(record)} for each record, e.g. {@code EcsDocument::of}. */
  public static JsonLinesWriter of(OutputStream out, Function<CloudTrailRecord, ? extends JsonNode> view) throws IOException {
    return new JsonLinesWriter(out, view);
  }

  public void write(CloudTrailRecord record) throws IOException {
    mapper.writeTree(gen, view.apply(record));
    gen.writeRaw('\n');
  }

  public void writeAll(Iterable<CloudTrailRecord> records) throws IOException {
    for (CloudTrailRecord r : records) {
      write(r);
    }
  }

  /** Flushes what was written to {@code out} without closing it (for standard output). */
  public void flush() throws IOException {
    gen.flush();
  }

  @Override
  public void close() throws IOException {
    gen.close();
  }
}

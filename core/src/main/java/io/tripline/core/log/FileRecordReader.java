package io.tripline.core.log;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.core.record.InvalidRecordException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Streams the records of one input, whatever its shape, with one {@link JsonParser} and one small
 * tree per record: the root values of the input are read in sequence, so a single record, JSON lines
 * and concatenated log files are the same case. A root object whose first field is {@code Records}
 * (a CloudTrail log file) or {@code Events} (the output of {@code aws cloudtrail lookup-events}) is
 * streamed element by element; a root array is a list of records; any other root object is one
 * record, or a digest file when it has {@code digestStartTime} and {@code digestEndTime}.
 *
 * <p>A syntax error or a truncated/corrupt gzip stream ends the file: Jackson cannot resynchronise
 * after it, so the problem says that the rest of the file was not read. The exception is JSON lines
 * (every root object so far on a line of its own): there a broken line is one bad record, and
 * reading goes on with the next line.
 */
final class FileRecordReader implements Closeable {

  /** One step of the read. */
  sealed interface Item {}

  record Record(CloudTrailRecord record) implements Item {}

  record Problem(ReadProblem problem) implements Item {}

  /** The input was a CloudTrail digest file (recognised by content), not records. */
  record Digest() implements Item {}

  private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)");

  private enum Container { ROOT, RECORDS, EVENTS, ARRAY }

  /** Immutable and thread-safe; sharing it keeps Jackson's deserializer caches warm across files. */
  private static final ObjectReader TREES = new ObjectMapper().readerFor(JsonNode.class);

  private final String name;
  private final InputStream in;
  private JsonParser parser;
  private Container container = Container.ROOT;
  private long index;
  private boolean finished;
  /** True while every root value so far was an object on a line of its own: JSON lines. */
  private boolean jsonLines = true;
  private long rootObjects;
  /** Lines consumed before the current parser started (after skipping a broken JSON line). */
  private int lineBase;

  FileRecordReader(String name, InputStream in) throws IOException {
    this.name = name;
    this.in = in;
    this.parser = TREES.createParser(in);
  }

  /** The next record, problem or digest marker, or {@code null} at the end of the input. */
  Item next() {
    if (finished) {
      return null;
    }
    try {
      while (true) {
        JsonToken token = parser.nextToken();
        Item item = container == Container.ROOT ? rootValue(token) : element(token);
        if (item != null || finished) {
          return item;
        }
      }
    } catch (JsonProcessingException e) {
      if (container == Container.ROOT && jsonLines && rootObjects > 0) {
        return skipBrokenLine(e);
      }
      finished = true;
      return problemAt(e.getLocation(), -1, message(e) + "; the rest of this file was not read");
    } catch (IOException e) {
      finished = true;
      return problemAt(parser.currentLocation(), -1, describe(e) + "; the rest of this file was not read");
    }
  }

  private Item rootValue(JsonToken token) throws IOException {
    if (token == null) {
      finished = true;
      return null;
    }
    JsonLocation at = parser.currentTokenLocation();
    switch (token) {
      case START_ARRAY -> {
        container = Container.ARRAY;
        jsonLines = false;
        return null;
      }
      case START_OBJECT -> {
        return rootObject(at);
      }
      default -> {
        return problemAt(at, index++, "expected a JSON object (a CloudTrail record), found " + describe(token));
      }
    }
  }

  /**
   * A root object: a wrapper whose {@code Records} or {@code Events} array is then streamed (the
   * fields before it, such as a NextToken, are ignored), or else one record read as a tree.
   */
  private Item rootObject(JsonLocation at) throws IOException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY && !node.has("eventTime") && (field.equals("Records") || field.equals("Events"))) {
        container = field.equals("Records") ? Container.RECORDS : Container.EVENTS;
        jsonLines = false;
        return null;
      }
      node.set(field, TREES.readTree(parser));
    }
    rootObjects++;
    jsonLines &= parser.currentLocation().getLineNr() == at.getLineNr();
    if (node.has("digestStartTime") && node.has("digestEndTime") && !node.has("eventTime")) {
      return new Digest();
    }
    return toRecord(node, at, index++);
  }

  private Item element(JsonToken token) throws IOException {
    if (token == JsonToken.END_ARRAY) {
      if (container != Container.ARRAY) {
        skipRestOfObject();
      }
      container = Container.ROOT;
      return null;
    }
    JsonLocation at = parser.currentTokenLocation();
    long i = index++;
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return problemAt(at, i, "expected a JSON object (a CloudTrail record), found " + describe(token));
    }
    JsonNode node = TREES.readTree(parser);
    if (container == Container.EVENTS) {
      return lookupEvent(node, at, i);
    }
    return toRecord((ObjectNode) node, at, i);
  }

  /** An element of {@code lookup-events} output: the record is the JSON string in CloudTrailEvent. */
  private Item lookupEvent(JsonNode event, JsonLocation at, long i) {
    JsonNode embedded = event.get("CloudTrailEvent");
    if (embedded == null || !embedded.isTextual()) {
      return problemAt(at, i, "this lookup-events entry has no CloudTrailEvent string; was the output made with `aws cloudtrail lookup-events`?");
    }
    JsonNode record;
    try {
      record = TREES.readTree(embedded.textValue());
    } catch (JsonProcessingException e) {
      JsonLocation inString = e.getLocation();
      String where = inString == null ? "" : " (line " + inString.getLineNr() + ", column " + inString.getColumnNr() + " of the string)";
      return problemAt(at, i, "CloudTrailEvent is not valid JSON" + where + ": " + message(e));
    }
    if (!(record instanceof ObjectNode object)) {
      return problemAt(at, i, "CloudTrailEvent must hold a JSON object, found " + record.getNodeType().toString().toLowerCase());
    }
    return toRecord(object, at, i);
  }

  private Item toRecord(ObjectNode node, JsonLocation at, long i) {
    try {
      return new Record(CloudTrailRecord.of(node));
    } catch (InvalidRecordException e) {
      return problemAt(at, i, e.getMessage());
    }
  }

  /** After the Records/Events array: skip whatever else the root object holds. */
  private void skipRestOfObject() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      parser.nextToken();
      parser.skipChildren();
    }
  }

  /**
   * In a JSON lines file, a broken line is one bad record: report it, then restart parsing on the
   * next line (what the parser had buffered beyond the error, then the rest of the stream).
   */
  private Item skipBrokenLine(JsonProcessingException e) {
    Problem problem = problemAt(e.getLocation(), index++, message(e) + "; skipped to the next line");
    try {
      ByteArrayOutputStream buffered = new ByteArrayOutputStream();
      parser.releaseBuffered(buffered);
      InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buffered.toByteArray()), in);
      int b;
      do {
        b = rest.read();
      } while (b != -1 && b != '\n');
      lineBase = problem.problem().line();
      parser = TREES.createParser(rest);
    } catch (IOException io) {
      finished = true;
    }
    return problem;
  }

  private Problem problemAt(JsonLocation at, long recordIndex, String message) {
    int line = at == null || at.getLineNr() <= 0 ? -1 : lineBase + at.getLineNr();
    int column = at == null ? -1 : at.getColumnNr();
    return new Problem(new ReadProblem(name, line, column, recordIndex, message));
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** Jackson's message without its source excerpt (the location is reported separately). */
  static String message(JsonProcessingException e) {
    return START_MARKER.matcher(e.getOriginalMessage()).replaceAll("");
  }

  static String describe(IOException e) {
    if (e instanceof EOFException) {
      return "the gzip data ends early (truncated file?): " + e.getMessage();
    }
    if (e instanceof ZipException) {
      return "the gzip data is corrupt: " + e.getMessage();
    }
    return "cannot read: " + e.getMessage();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}

package io.tripline.core.log;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.core.record.InvalidRecordException;
import io.tripline.core.text.TextLimits;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Streams the records of one input, whatever its shape, with one {@link JsonParser} and one small
 * tree per record. A root object whose {@code Records} (a CloudTrail log file) or {@code Events}
 * (the output of {@code aws cloudtrail lookup-events}) array comes before any {@code eventTime} is
 * streamed element by element; a root array is a list of records; any other root object is one
 * record, or a digest file when it has {@code digestStartTime} and {@code digestEndTime}.
 *
 * <p>The layout is decided from the first lines: when the first line holds complete JSON (or is
 * broken, followed by a line that is a complete object), the input is JSON lines and each line gets
 * its own parser, which cannot read past the line's end: a broken line is exactly one skipped record
 * and reading resumes on the next line. Otherwise (a pretty-printed document) a syntax error ends
 * the file, since a parser cannot resynchronise inside a document; the problem says so.
 *
 * <p>Keys are never silently resolved: a record with a repeated key (at any depth) is a problem
 * naming the key's JSON pointer and position, and so is a second {@code Records} or {@code Events}
 * array in a log file.
 */
final class FileRecordReader implements Closeable {

  /** One step of the read. */
  sealed interface Item {}

  record Record(CloudTrailRecord record) implements Item {}

  record Problem(ReadProblem problem) implements Item {}

  /** The input was a CloudTrail digest file (recognised by content), not records. */
  record Digest() implements Item {}

  /** How far the first lines are looked at to tell JSON lines from a document. */
  static final int LAYOUT_PEEK = 1 << 20;

  private enum Container { ROOT, WRAPPER, RECORDS, EVENTS, ARRAY }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final InputStream decompressed;
  /** The lines, in JSON lines layout; null for a document. */
  private final LineSource lines;
  private JsonParser parser;
  private Container container = Container.ROOT;
  /** Keys of the current wrapper object ({@code Records}, {@code Events}, NextToken...) and where. */
  private final Map<String, JsonLocation> wrapperKeys = new HashMap<>();
  private long index;
  private boolean finished;
  /** Lines before the current parser's first line. */
  private int lineBase;

  FileRecordReader(String name, InputStream in) throws IOException {
    this.name = name;
    this.decompressed = in;
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    if (Layout.jsonLines(buffered)) {
      lines = new LineSource(buffered);
    } else {
      lines = null;
      parser = TextLimits.JSON.createParser(buffered);
    }
  }

  /** The next record, problem or digest marker, or {@code null} at the end of the input. */
  Item next() {
    while (!finished) {
      try {
        if (parser == null && !nextLine()) {
          return endOfInput();
        }
        JsonToken token = parser.nextToken();
        if (token == null && container == Container.ROOT) {
          if (lines == null) {
            return endOfInput();
          }
          parser.close();
          parser = null;
          continue;
        }
        Item item = switch (container) {
          case ROOT -> rootValue(token);
          case WRAPPER -> wrapperField(token);
          default -> element(token);
        };
        if (item != null) {
          return item;
        }
      } catch (JsonProcessingException e) {
        return syntaxProblem(e);
      } catch (IOException e) {
        finished = true;
        return problemAt(parser == null ? null : parser.currentLocation(), -1, describe(e) + "; the rest of this file was not read");
      }
    }
    return null;
  }

  private boolean nextLine() throws IOException {
    if (!lines.next()) {
      return false;
    }
    lineBase = lines.lineNumber() - 1;
    parser = TextLimits.JSON.createParser(lines.line());
    container = Container.ROOT;
    wrapperKeys.clear();
    return true;
  }

  private Item syntaxProblem(JsonProcessingException e) {
    // limit errors (StreamConstraintsException) carry no location: the parser is where it stopped
    JsonLocation at = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
    if (lines != null) {
      Problem p = problemAt(at, index++, TextLimits.explain(e) + "; skipped to the next line");
      closeParser();
      return p;
    }
    finished = true;
    return problemAt(at, -1, TextLimits.explain(e) + "; the rest of this file was not read");
  }

  /** At the end: bytes after the last gzip member are the last problem. */
  private Item endOfInput() {
    finished = true;
    String trailing = Decompression.trailingProblem(decompressed);
    return trailing == null ? null : new Problem(ReadProblem.ofFile(name, trailing));
  }

  private Item rootValue(JsonToken token) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    switch (token) {
      case START_ARRAY -> {
        container = Container.ARRAY;
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
    ObjectNode node = NODES.objectNode();
    Trees tree = new Trees(true);
    wrapperKeys.clear();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonLocation fieldAt = parser.currentTokenLocation();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY && !node.has("eventTime") && (field.equals("Records") || field.equals("Events"))) {
        container = field.equals("Records") ? Container.RECORDS : Container.EVENTS;
        wrapperKeys.putAll(tree.topKeys);
        wrapperKeys.put(field, fieldAt);
        return tree.duplicate == null ? null : problemAt(tree.duplicateAt, -1, tree.duplicateMessage("this log file"));
      }
      tree.field(parser, node, field, fieldAt, "");
    }
    if (node.has("digestStartTime") && node.has("digestEndTime") && !node.has("eventTime")) {
      return new Digest();
    }
    long i = index++;
    if (tree.duplicate != null) {
      return problemAt(tree.duplicateAt, i, tree.duplicateMessage("a record"));
    }
    return toRecord(node, at, i);
  }

  /** After the Records/Events array, the rest of the wrapper object: a second array is a problem. */
  private Item wrapperField(JsonToken token) throws IOException {
    if (token != JsonToken.FIELD_NAME) {
      container = Container.ROOT;
      return null;
    }
    String field = parser.currentName();
    JsonLocation at = parser.currentTokenLocation();
    JsonLocation first = wrapperKeys.putIfAbsent(field, at);
    parser.nextToken();
    parser.skipChildren();
    if (first != null) {
      return problemAt(at, -1, "duplicate key '" + field + "' (first at line " + (lineBase + first.getLineNr())
          + "); a log file has each key once: this one was not read, split the file if both are wanted");
    }
    boolean records = wrapperKeys.containsKey("Records");
    boolean events = wrapperKeys.containsKey("Events");
    if (records && events && (field.equals("Records") || field.equals("Events"))) {
      return problemAt(at, -1, "both 'Records' and 'Events' in one file; a CloudTrail log file has Records, "
          + "lookup-events output has Events: this '" + field + "' was not read, split the file");
    }
    return null;
  }

  private Item element(JsonToken token) throws IOException {
    if (token == JsonToken.END_ARRAY) {
      container = container == Container.ARRAY ? Container.ROOT : Container.WRAPPER;
      return null;
    }
    JsonLocation at = parser.currentTokenLocation();
    long i = index++;
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return problemAt(at, i, "expected a JSON object (a CloudTrail record), found " + describe(token));
    }
    Trees tree = new Trees();
    JsonNode node = tree.value(parser, "");
    if (tree.duplicate != null) {
      return problemAt(tree.duplicateAt, i, tree.duplicateMessage("a record"));
    }
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
    Trees tree = new Trees();
    try (JsonParser p = TextLimits.JSON.createParser(embedded.textValue())) {
      JsonToken first = p.nextToken();
      record = first == null ? NODES.missingNode() : tree.value(p, "");
      if (first != null && p.nextToken() != null) {
        return problemAt(at, i, "CloudTrailEvent holds more than one JSON value");
      }
    } catch (JsonProcessingException e) {
      JsonLocation inString = e.getLocation();
      String where = inString == null ? "" : " (line " + inString.getLineNr() + ", column " + inString.getColumnNr() + " of the string)";
      return problemAt(at, i, "CloudTrailEvent is not valid JSON" + where + ": " + TextLimits.explain(e));
    } catch (IOException e) {
      return problemAt(at, i, "CloudTrailEvent cannot be read: " + e.getMessage());
    }
    if (tree.duplicate != null) {
      return problemAt(at, i, "in CloudTrailEvent: " + tree.duplicateMessage("a record"));
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

  /**
   * Builds JSON trees from the parser, noting the first repeated key (its pointer and position)
   * instead of letting the later value win. Pointers and token locations are only built for a
   * repeated key (and, when asked, for the top-level keys of a wrapper): a record is read with
   * no more allocation than Jackson's own tree reader makes.
   */
  private static final class Trees {
    private final boolean trackTop;
    String duplicate;
    JsonLocation duplicateAt;
    String duplicatePointer;
    final Map<String, JsonLocation> topKeys = new HashMap<>();

    Trees() {
      this(false);
    }

    /** trackTop: remember where each top-level key is ({@link #topKeys}). */
    Trees(boolean trackTop) {
      this.trackTop = trackTop;
    }

    /** Where a container is: its parent and its key (an array index as text); null parent at the root. */
    private record Ptr(Ptr parent, String key) {
      static final Ptr ROOT = new Ptr(null, null);

      String text() {
        return parent == null ? "" : parent.text() + "/" + key.replace("~", "~0").replace("/", "~1");
      }
    }

    JsonNode value(JsonParser p, String pointer) throws IOException {
      if (!pointer.isEmpty()) {
        throw new IllegalArgumentException("trees are read from the root");
      }
      return value(p, Ptr.ROOT);
    }

    private JsonNode value(JsonParser p, Ptr at) throws IOException {
      switch (p.currentToken()) {
        case START_OBJECT -> {
          ObjectNode o = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            field(p, o, p.currentName(), null, at);
          }
          return o;
        }
        case START_ARRAY -> {
          ArrayNode a = NODES.arrayNode();
          int n = 0;
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            a.add(value(p, container(t) ? new Ptr(at, Integer.toString(n)) : null));
            n++;
          }
          return a;
        }
        case VALUE_STRING -> {
          return NODES.textNode(p.getText());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return NODES.numberNode(p.getDoubleValue());
        }
        case VALUE_TRUE -> {
          return NODES.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return NODES.booleanNode(false);
        }
        case VALUE_NULL -> {
          return NODES.nullNode();
        }
        default -> throw new IOException("unexpected JSON token " + p.currentToken());
      }
    }

    private static boolean container(JsonToken t) {
      return t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
    }

    /** Reads the value of {@code name} (the parser is on the name) into the root object {@code o}. */
    void field(JsonParser p, ObjectNode o, String name, JsonLocation nameAt, String pointer) throws IOException {
      if (!pointer.isEmpty()) {
        throw new IllegalArgumentException("fields are read at the root");
      }
      field(p, o, name, nameAt, Ptr.ROOT);
    }

    private void field(JsonParser p, ObjectNode o, String name, JsonLocation knownAt, Ptr parent) throws IOException {
      boolean repeated = o.has(name);
      boolean top = trackTop && parent == Ptr.ROOT;
      JsonLocation nameAt = knownAt != null || !(repeated || top) ? knownAt : p.currentTokenLocation();
      if (top) {
        topKeys.putIfAbsent(name, nameAt);
      }
      if (p.currentToken() == JsonToken.FIELD_NAME) {
        p.nextToken();
      }
      JsonNode v = value(p, container(p.currentToken()) ? new Ptr(parent, name) : null);
      if (repeated) {
        if (duplicate == null) {
          duplicate = name;
          duplicateAt = nameAt;
          duplicatePointer = new Ptr(parent, name).text();
        }
      } else {
        o.set(name, v);
      }
    }

    String duplicateMessage(String what) {
      return "duplicate key '" + duplicate + "' at " + duplicatePointer + "; " + what
          + " must not repeat a key (which value is meant is ambiguous): skipped, fix the producer of this file";
    }
  }

  private void closeParser() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // a parser over one line: nothing of it is needed any more
    }
    parser = null;
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
    if (parser != null) {
      parser.close();
    }
    decompressed.close();
  }

  /** Tells JSON lines from a (pretty-printed or single) JSON document by its first lines. */
  static final class Layout {

    private enum Parse { COMPLETE, BROKEN, INCOMPLETE }

    private Layout() {}

    static boolean jsonLines(BufferedInputStream in) throws IOException {
      in.mark(LAYOUT_PEEK + 1);
      try {
        Peek peek = new Peek(in, LAYOUT_PEEK);
        byte[] first = peek.nonBlankLine();
        if (first == null) {
          return peek.overBudget; // a first line longer than the peek: one long line, read as a line
        }
        byte[] second = peek.nonBlankLine();
        if (second == null && !peek.overBudget) {
          return false; // one line in all (a CloudTrail object from S3): a document
        }
        if (first[0] == '[') {
          return false;
        }
        Parse parse = parse(first);
        if (parse != Parse.INCOMPLETE) {
          return true;
        }
        return second != null && second[0] == '{' && parse(second) == Parse.COMPLETE;
      } finally {
        in.reset();
      }
    }

    /** Reads ahead in chunks (never a byte at a time through the stream) within a budget. */
    private static final class Peek {
      private final InputStream in;
      private final byte[] chunk = new byte[8192];
      private int pos;
      private int limit;
      private int budget;
      boolean overBudget;

      Peek(InputStream in, int budget) {
        this.in = in;
        this.budget = budget;
      }

      private int next() {
        if (pos == limit) {
          if (budget <= 0) {
            overBudget = true;
            return -1;
          }
          try {
            int n = in.read(chunk, 0, Math.min(chunk.length, budget));
            if (n <= 0) {
              return -1;
            }
            budget -= n;
            pos = 0;
            limit = n;
          } catch (IOException e) {
            return -1; // where the input breaks: the read proper reports that, with its position
          }
        }
        return chunk[pos++] & 0xff;
      }

      /** The next line with something on it (leading whitespace stripped), or null at the end or past the budget. */
      byte[] nonBlankLine() {
        byte[] line = new byte[256];
        int size = 0;
        int b;
        while ((b = next()) != -1) {
          if (b == '\n') {
            if (size > 0) {
              return java.util.Arrays.copyOf(line, size);
            }
          } else if (size > 0 || !(b == ' ' || b == '\t' || b == '\r' || b == 0xef || b == 0xbb || b == 0xbf)) {
            if (size == line.length) {
              line = java.util.Arrays.copyOf(line, size * 2);
            }
            line[size++] = (byte) b;
          }
        }
        return !overBudget && size > 0 ? java.util.Arrays.copyOf(line, size) : null;
      }
    }

    private static Parse parse(byte[] line) throws IOException {
      try (JsonParser p = TextLimits.JSON.createParser(line)) {
        boolean any = false;
        while (p.nextToken() != null) {
          p.skipChildren();
          any = true;
        }
        return any ? Parse.COMPLETE : Parse.BROKEN;
      } catch (JsonProcessingException e) {
        String m = e.getOriginalMessage();
        boolean atEnd = e instanceof JsonEOFException || (m != null && m.contains("end-of-input"));
        return atEnd ? Parse.INCOMPLETE : Parse.BROKEN;
      }
    }
  }
}

package io.tripline.core.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits Tripline puts on JSON and YAML it reads (logs, inputs, data files, scenarios), and
 * parser problems said in Tripline's words: which limit was crossed and what to do, or that the
 * text is not UTF-8. The location (file:line:col) is added by the caller.
 */
public final class TextLimits {

  /** Deepest nesting of arrays and objects (mappings and sequences in YAML). */
  public static final int MAX_DEPTH = 1000;
  /** Longest number, in characters. */
  public static final int MAX_NUMBER_LENGTH = 1000;
  /** Longest string value, in characters. */
  public static final int MAX_STRING_LENGTH = 20_000_000;
  /** Longest object key, in characters. */
  public static final int MAX_NAME_LENGTH = 50_000;

  public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .maxStringLength(MAX_STRING_LENGTH)
      .maxNameLength(MAX_NAME_LENGTH)
      .build();

  /** A JSON factory with these limits. */
  public static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)");
  private static final Pattern BAD_UTF8 = Pattern.compile("Invalid UTF-8 (start|middle) byte (0x[0-9a-fA-F]+)");

  private TextLimits() {}

  /** What went wrong, in our words when it is a limit or an encoding problem, else the parser's message. */
  public static String explain(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "cannot be parsed" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return limitMessage(original);
    }
    Matcher utf8 = BAD_UTF8.matcher(original);
    if (utf8.find()) {
      return notUtf8(utf8.group(1).equals("start") ? "invalid byte " + utf8.group(2) : "a multi-byte sequence broken by byte " + utf8.group(2));
    }
    return START_MARKER.matcher(original).replaceAll("");
  }

  /** The text has bytes that are not UTF-8; {@code what} says which. */
  public static String notUtf8(String what) {
    return "not UTF-8 text (" + what + "); Tripline reads UTF-8: convert the file, e.g. `iconv -f latin1 -t utf-8`";
  }

  static String limitMessage(String original) {
    if (original.contains("NestingDepth")) {
      return "nested deeper than " + MAX_DEPTH + " levels (Tripline's limit for arrays and objects); flatten the data";
    }
    if (original.contains("NumberLength")) {
      return "a number longer than " + MAX_NUMBER_LENGTH + " digits (Tripline's limit); write it as a string";
    }
    if (original.contains("StringLength")) {
      return "a string longer than " + MAX_STRING_LENGTH + " characters (Tripline's limit); shorten it";
    }
    if (original.contains("NameLength")) {
      return "a key longer than " + MAX_NAME_LENGTH + " characters (Tripline's limit); shorten it";
    }
    return "larger than Tripline's limits for JSON and YAML (depth " + MAX_DEPTH + ", numbers " + MAX_NUMBER_LENGTH
        + " digits, strings " + MAX_STRING_LENGTH + " characters)";
  }
}

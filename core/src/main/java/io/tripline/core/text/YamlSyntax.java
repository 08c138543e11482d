package io.tripline.core.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a YAML parser error into one located problem at the problem's line and column, saying what was
 * found, what was expected, and where the construct being read began. SnakeYAML reports a context
 * ("while parsing a flow sequence", with its position) and a problem ("expected ',' or ']', but
 * got :", with its position); both are kept.
 */
final class YamlSyntax {

  private static final Pattern MARK = Pattern.compile("^ in '[^']*', line (\\d+), column (\\d+):?$");

  private YamlSyntax() {}

  static LocatedTextException diagnose(JsonProcessingException e) {
    List<String> texts = new ArrayList<>();
    List<int[]> marks = new ArrayList<>();
    String original = e.getOriginalMessage() == null ? "cannot be parsed" : plain(e.getOriginalMessage());
    if (original.contains("exceeds the limit") && original.contains("code points")) {
      return new LocatedTextException(0, 0, "longer than " + YamlTree.MAX_CHARACTERS + " characters (Tripline's limit for a YAML file); split it");
    }
    for (String line : original.split("\n")) {
      Matcher m = MARK.matcher(line);
      if (m.matches()) {
        marks.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
      } else if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("[Source")) {
        texts.add(line.strip());
      }
    }
    JsonLocation l = e.getLocation();
    int line = marks.isEmpty() ? (l == null ? 0 : l.getLineNr()) : marks.get(marks.size() - 1)[0];
    int col = marks.isEmpty() ? (l == null ? 0 : l.getColumnNr()) : marks.get(marks.size() - 1)[1];
    String message;
    if (texts.size() >= 2) {
      String context = texts.get(0);
      String problem = texts.get(texts.size() - 1);
      String where = marks.size() >= 2 ? " started at line " + marks.get(0)[0] + ", column " + marks.get(0)[1] : "";
      message = problem + " (" + context + where + ")" + hint(context, problem);
    } else {
      String only = texts.isEmpty() ? "cannot be parsed" : texts.get(0);
      message = only + hint("", only);
    }
    return new LocatedTextException(line, col, "invalid YAML: " + message);
  }

  private static final Pattern EVENT = Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\(([^)]*)\\)>?");
  private static final Pattern ANCHOR = Pattern.compile("anchor=([^,\\s)]+)");

  /**
   * Jackson's YAML messages name SnakeYAML's event classes ("got this instead:
   * &lt;org.yaml.snakeyaml.events.AliasEvent(anchor=a)&gt;"); say what the YAML construct is instead.
   */
  private static String plain(String message) {
    String m = message.replace("Expected a field name (Scalar value in YAML), got this instead:", "expected a plain key (a string) before ':', but found");
    Matcher e = EVENT.matcher(m);
    StringBuilder out = new StringBuilder();
    while (e.find()) {
      Matcher a = ANCHOR.matcher(e.group(2));
      String anchor = a.find() ? a.group(1) : null;
      String what = switch (e.group(1)) {
        case "Alias" -> "the alias '*" + (anchor == null ? "" : anchor) + "' (an alias cannot be a key)";
        case "SequenceStart" -> "a list";
        case "MappingStart" -> "a mapping";
        case "Scalar" -> "a value";
        case "SequenceEnd", "MappingEnd" -> "the end of a block";
        default -> "a YAML " + e.group(1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
      };
      e.appendReplacement(out, Matcher.quoteReplacement(what));
    }
    e.appendTail(out);
    return out.toString();
  }

  private static String hint(String context, String problem) {
    if (context.contains("quoted scalar")) {
      return "; expected the closing quote of the string";
    }
    if (context.contains("flow sequence")) {
      return "; expected ']' to close the [ list";
    }
    if (context.contains("flow mapping")) {
      return "; expected '}' to close the { mapping";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "; expected 'key: value' at this indentation: check the indentation, or quote a value that contains ': '";
    }
    if (problem.contains("block end")) {
      return "; expected the same indentation as the lines above";
    }
    return "";
  }
}

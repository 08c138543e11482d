package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YAML text in the shape OPA's {@code yaml.marshal} prints it (sigs.k8s.io/yaml over go-yaml v2):
 * block style, keys in go-yaml's natural order, sequences not indented under their key, strings
 * quoted only when they would read back as something else.
 */
final class GoYaml {
  private static final Set<String> NON_STRINGS = Set.of(
      "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
      ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN", "<<");
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*|(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
          + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)");

  private GoYaml() {}

  static String marshal(Value v) {
    StringBuilder sb = new StringBuilder();
    if (isBlockCollection(v)) {
      block(v, sb, 0);
    } else {
      sb.append(scalar(v, 0)).append('\n');
    }
    return sb.toString();
  }

  private static boolean isBlockCollection(Value v) {
    return (v instanceof ArrayValue a && !a.isEmpty()) || (v instanceof SetValue s && !s.isEmpty())
        || (v instanceof ObjectValue o && !o.isEmpty());
  }

  private static void block(Value v, StringBuilder sb, int indent) {
    String pad = " ".repeat(indent);
    if (v instanceof ObjectValue o) {
      List<Map.Entry<String, Value>> entries = new ArrayList<>();
      for (Map.Entry<Value, Value> e : o.entries()) {
        String key = e.getKey() instanceof StringValue k ? k.value() : ValueJson.write(e.getKey());
        entries.add(Map.entry(key, e.getValue()));
      }
      entries.sort((x, y) -> naturalCompare(x.getKey(), y.getKey()));
      boolean first = true;
      for (Map.Entry<String, Value> e : entries) {
        if (!first) {
          sb.append(pad);
        }
        first = false;
        sb.append(scalar(StringValue.of(e.getKey()), indent)).append(':');
        Value child = e.getValue();
        if (child instanceof ObjectValue && isBlockCollection(child)) {
          sb.append('\n').append(" ".repeat(indent + 2));
          block(child, sb, indent + 2);
        } else if (isBlockCollection(child)) {
          sb.append('\n').append(pad);
          block(child, sb, indent);
        } else {
          sb.append(' ');
          sb.append(fold(scalar(child, indent + 2), column(sb), indent + 2)).append('\n');
        }
      }
      return;
    }
    List<Value> items = v instanceof ArrayValue a ? a.asList() : ((SetValue) v).elements();
    boolean first = true;
    for (Value item : items) {
      if (!first) {
        sb.append(pad);
      }
      first = false;
      sb.append("- ");
      if (isBlockCollection(item)) {
        block(item, sb, indent + 2);
      } else {
        sb.append(fold(scalar(item, indent + 2), column(sb), indent + 2)).append('\n');
      }
    }
  }

  private static int column(StringBuilder sb) {
    return sb.length() - (sb.lastIndexOf("\n") + 1);
  }

  /**
   * go-yaml's line folding of plain and single-quoted values: past column 80, a single space
   * becomes a line break indented to the value's level.
   */
  private static String fold(String scalar, int startColumn, int indent) {
    if (scalar.isEmpty() || scalar.charAt(0) == '"' || scalar.charAt(0) == '|' || scalar.indexOf(' ') < 0) {
      return scalar;
    }
    boolean quoted = scalar.charAt(0) == '\'';
    StringBuilder out = new StringBuilder(scalar.length() + 8);
    int column = startColumn;
    boolean spaces = false;
    int[] cps = scalar.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        boolean inside = !quoted || (i > 1 && i < cps.length - 2);
        if (!spaces && column > 80 && inside && i + 1 < cps.length && cps[i + 1] != ' ') {
          out.append('\n').append(" ".repeat(indent));
          column = indent;
        } else {
          out.append(' ');
          column++;
        }
        spaces = true;
      } else {
        out.appendCodePoint(c);
        column++;
        spaces = false;
      }
    }
    return out.toString();
  }

  private static String scalar(Value v, int indent) {
    if (v instanceof NullValue) {
      return "null";
    } else if (v instanceof BooleanValue b) {
      return b.toString();
    } else if (v instanceof NumberValue n) {
      return number(n);
    } else if (v instanceof ArrayValue || v instanceof SetValue) {
      return "[]";
    } else if (v instanceof ObjectValue) {
      return "{}";
    }
    return string(((StringValue) v).value(), indent);
  }

  private static String number(NumberValue n) {
    if (n.isInteger() && n.toBigInteger().bitLength() < 64) {
      return n.toBigInteger().toString();
    }
    double d = n.doubleValue();
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String digits = bd.unscaledValue().toString();
      String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    return sign + bd.toPlainString();
  }

  private static String string(String s, int indent) {
    if (s.contains("\n") && printable(s)) {
      StringBuilder sb = new StringBuilder(s.endsWith("\n") ? (s.endsWith("\n\n") ? "|+" : "|") : "|-");
      if (s.startsWith(" ")) {
        sb.insert(1, "2");
      }
      String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
      for (String line : body.split("\n", -1)) {
        sb.append('\n');
        if (!line.isEmpty()) {
          sb.append(" ".repeat(Math.max(indent, 2))).append(line);
        }
      }
      return sb.toString();
    }
    if (NON_STRINGS.contains(s) || NUMBER.matcher(s).matches()) {
      return doubleQuoted(s);
    }
    if (plainAllowed(s)) {
      return s;
    }
    if (printable(s)) {
      return "'" + s.replace("'", "''") + "'";
    }
    return doubleQuoted(s);
  }

  private static boolean printable(String s) {
    return s.codePoints().allMatch(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xA0)
        && c != 0xFEFF && c != 0xFFFE && c != 0xFFFF));
  }

  private static boolean plainAllowed(String s) {
    if (s.startsWith(" ") || s.endsWith(" ") || s.startsWith("---") || s.startsWith("...") || !printable(s)
        || s.contains("\t")) {
      return false;
    }
    char c0 = s.charAt(0);
    boolean followedBySpace0 = s.length() == 1 || s.charAt(1) == ' ';
    if ("#,[]{}&*!|>'\"%@`".indexOf(c0) >= 0) {
      return false;
    }
    if ((c0 == '?' || c0 == ':' || c0 == '-') && followedBySpace0) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean followedBySpace = i + 1 == s.length() || s.charAt(i + 1) == ' ';
      if (c == ':' && followedBySpace) {
        return false;
      }
      if (c == '#' && s.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  private static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 0 -> sb.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xA0) || c == 0xFEFF) {
            sb.append(String.format(c <= 0xFF ? "\\x%02X" : "\\u%04X", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  /** go-yaml v2's key order: letters before digits, digit runs compared as numbers. */
  static int naturalCompare(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return Integer.compare(ar[i], br[i]);
      }
      if (al || bl) {
        return bl ? -1 : 1;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return Long.compare(an, bn);
      }
      if (ai != bi) {
        return Integer.compare(ai, bi);
      }
      return Integer.compare(ar[i], br[i]);
    }
    return Integer.compare(ar.length, br.length);
  }
}

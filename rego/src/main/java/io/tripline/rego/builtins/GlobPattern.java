package io.tripline.rego.builtins;

import java.util.List;

/**
 * A glob in the syntax of gobwas/glob (what OPA's {@code glob.match} uses), translated to an
 * anchored RE2 expression: {@code *} is any run of non-delimiter runes, {@code **} any run at all,
 * {@code ?} one non-delimiter rune, {@code [abc]}, {@code [a-z]}, {@code [!...]} one rune in or out
 * of the class, {@code {a,b}} alternatives, and {@code \} escapes the next rune.
 */
final class GlobPattern {
  private final int[] in;
  private final String delimiters;
  private final StringBuilder out = new StringBuilder("(?s)^");
  private int pos;
  private int groupDepth;

  private GlobPattern(String glob, List<Integer> delimiters) {
    this.in = glob.codePoints().toArray();
    StringBuilder d = new StringBuilder();
    for (int cp : delimiters) {
      d.append(literalInClass(cp));
    }
    this.delimiters = d.toString();
  }

  /** Compiles a glob; IllegalArgumentException with gobwas's message when it is malformed. */
  static GoRegex compile(String glob, List<Integer> delimiters) {
    GlobPattern p = new GlobPattern(glob, delimiters);
    p.translate();
    return GoRegex.compile(p.out.toString());
  }

  private void translate() {
    while (pos < in.length) {
      int r = in[pos++];
      if (r == '{') {
        groupDepth++;
        out.append("(?:");
      } else if (r == ',' && groupDepth > 0) {
        out.append('|');
      } else if (r == '}' && groupDepth > 0) {
        groupDepth--;
        out.append(')');
      } else if (r == '[') {
        range();
      } else if (r == '?') {
        out.append(delimiters.isEmpty() ? "." : "[^" + delimiters + "]");
      } else if (r == '*') {
        if (pos < in.length && in[pos] == '*') {
          pos++;
          out.append(".*");
        } else {
          out.append(delimiters.isEmpty() ? ".*" : "[^" + delimiters + "]*");
        }
      } else {
        pos--;
        text(groupDepth > 0 ? "?*[{}," : "?*[{");
      }
    }
    out.append(")".repeat(groupDepth)).append('$');
  }

  /** Literal runes up to a breaker, with escapes resolved; a trailing backslash is dropped. */
  private String text(String breakers) {
    StringBuilder text = new StringBuilder();
    boolean escaped = false;
    while (pos < in.length) {
      int r = in[pos++];
      if (!escaped) {
        if (r == '\\') {
          escaped = true;
          continue;
        }
        if (breakers.indexOf(r) >= 0) {
          pos--;
          break;
        }
      }
      escaped = false;
      text.appendCodePoint(r);
      out.append(literal(r));
    }
    return text.toString();
  }

  private void range() {
    boolean not = false;
    if (pos < in.length && in[pos] == '!') {
      not = true;
      pos++;
    }
    if (pos >= in.length) {
      throw new IllegalArgumentException("unexpected end of input");
    }
    String cls;
    if (pos + 1 < in.length && in[pos + 1] == '-') {
      int lo = in[pos];
      if (pos + 2 >= in.length) {
        throw new IllegalArgumentException("unexpected end of input");
      }
      int hi = in[pos + 2];
      pos += 3;
      if (pos >= in.length) {
        throw new IllegalArgumentException("unexpected end of input");
      }
      if (in[pos] != ']') {
        throw new IllegalArgumentException("expected close range character");
      }
      pos++;
      if (hi < lo) {
        throw new IllegalArgumentException("hi character '" + new String(Character.toChars(hi))
            + "' should be greater than lo '" + new String(Character.toChars(lo)) + "'");
      }
      cls = literalInClass(lo) + "-" + literalInClass(hi);
    } else {
      StringBuilder saved = new StringBuilder(out);
      String chars = text("]");
      out.setLength(0);
      out.append(saved);
      if (pos >= in.length) {
        throw new IllegalArgumentException("unexpected end of input");
      }
      pos++;
      if (chars.isEmpty()) {
        throw new IllegalArgumentException("could not parse range");
      }
      StringBuilder c = new StringBuilder();
      chars.codePoints().forEach(cp -> c.append(literalInClass(cp)));
      cls = c.toString();
    }
    out.append('[').append(not ? "^" : "").append(cls).append(']');
  }

  private static String literal(int cp) {
    return GoRegex.quoteMeta(new String(Character.toChars(cp)));
  }

  private static String literalInClass(int cp) {
    return String.format("\\x{%x}", cp);
  }

  /** gobwas's {@code QuoteMeta}: a backslash before each of {@code * ? \ [ ] { }}. */
  static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("*?\\[]{}".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}

package io.tripline.rego.builtins;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of Go's {@code strings} package that OPA's string builtins are made of, working on
 * Unicode code points (Go's runes) rather than UTF-16 chars.
 */
final class GoStrings {
  private GoStrings() {}

  /** Go's {@code strings.Split}: an empty separator splits into runes; no separator found gives [s]. */
  static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int start = 0;
    int at;
    while ((at = s.indexOf(sep, start)) >= 0) {
      out.add(s.substring(start, at));
      start = at + sep.length();
    }
    out.add(s.substring(start));
    return out;
  }

  /** Go's {@code strings.Count}: non-overlapping occurrences; an empty substring counts runes + 1. */
  static int count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1;
    }
    int n = 0;
    int at = 0;
    while ((at = s.indexOf(sub, at)) >= 0) {
      n++;
      at += sub.length();
    }
    return n;
  }

  /**
   * Go's {@code strings.NewReplacer(pairs...).Replace(s)}: at each position the first pair (in
   * argument order) whose old string matches wins; an empty old string matches between runes.
   */
  static String replace(String s, List<String[]> pairs) {
    StringBuilder out = new StringBuilder(s.length());
    boolean prevEmptyMatch = false;
    int i = 0;
    while (i <= s.length()) {
      String[] hit = null;
      for (String[] p : pairs) {
        if (p[0].isEmpty() ? !prevEmptyMatch : s.startsWith(p[0], i)) {
          hit = p;
          break;
        }
      }
      if (hit != null) {
        out.append(hit[1]);
        i += hit[0].length();
        prevEmptyMatch = hit[0].isEmpty();
        continue;
      }
      prevEmptyMatch = false;
      if (i == s.length()) {
        break;
      }
      int cp = s.codePointAt(i);
      out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** Go's {@code strings.Trim*} with a cutset of runes. */
  static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
        start += Character.charCount(s.codePointAt(start));
      }
    }
    if (right) {
      while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
        end -= Character.charCount(s.codePointBefore(end));
      }
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.TrimSpace}, with Go's {@code unicode.IsSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int cp) {
    switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true;
      default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
  }

  /** Go's {@code strings.ToLower}/{@code ToUpper}: simple per-rune case mapping, no locale. */
  static String mapCase(String s, boolean upper) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return sb.toString();
  }

  /** The string's runes reversed. */
  static String reverse(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = cps.length - 1; i >= 0; i--) {
      sb.appendCodePoint(cps[i]);
    }
    return sb.toString();
  }
}

package io.tripline.rego.builtins;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled RE2 expression with the iteration rules of Go's {@code regexp} package: successive
 * non-overlapping matches where an empty match right after a previous match is skipped,
 * {@code Split}, and {@code ReplaceAllString} with {@code Expand}'s {@code $name} templates.
 */
final class GoRegex {
  private final Pattern pattern;

  private GoRegex(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles; throws IllegalArgumentException with Go's message ({@code error parsing regexp: ...}). */
  static GoRegex compile(String expr) {
    try {
      return new GoRegex(Pattern.compile(expr));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  boolean matches(String s) {
    return pattern.matcher(s).find();
  }

  /** Group bounds (start, end pairs; -1 for groups that did not take part) of up to n matches; n < 0 is all. */
  List<int[]> findAll(String s, int n) {
    List<int[]> out = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    int pos = 0;
    int prevMatchEnd = -1;
    while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == m.start()) {
        if (m.start() == prevMatchEnd) {
          accept = false;
        }
        pos = m.end() < s.length() ? m.end() + Character.charCount(s.codePointAt(m.end())) : m.end() + 1;
      } else {
        pos = m.end();
      }
      prevMatchEnd = m.end();
      if (accept) {
        out.add(groups(m));
      }
    }
    return out;
  }

  private static int[] groups(Matcher m) {
    int[] g = new int[2 * (m.groupCount() + 1)];
    for (int i = 0; i <= m.groupCount(); i++) {
      g[2 * i] = m.start(i);
      g[2 * i + 1] = m.end(i);
    }
    return g;
  }

  /** Go's {@code Regexp.Split(s, -1)}. */
  List<String> split(String s) {
    List<String> out = new ArrayList<>();
    if (!pattern.pattern().isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    int beg = 0;
    int end = 0;
    for (int[] match : findAll(s, -1)) {
      end = match[0];
      if (match[1] != 0) {
        out.add(s.substring(beg, end));
      }
      beg = match[1];
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return out;
  }

  /** Go's {@code Regexp.ReplaceAllString}: the template expands {@code $1}, {@code ${name}}, {@code $$}. */
  String replaceAll(String src, String template) {
    StringBuilder out = new StringBuilder(src.length());
    Matcher m = pattern.matcher(src);
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= src.length() && m.find(searchPos)) {
      int[] a = groups(m);
      out.append(src, lastMatchEnd, a[0]);
      if (a[1] > lastMatchEnd || a[0] == 0) {
        expand(out, template, src, a);
      }
      lastMatchEnd = a[1];
      int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > a[1]) {
        searchPos += width;
      } else if (searchPos + 1 > a[1]) {
        searchPos++;
      } else {
        searchPos = a[1];
      }
    }
    out.append(src, Math.min(lastMatchEnd, src.length()), src.length());
    return out.toString();
  }

  private void expand(StringBuilder dst, String template, String src, int[] match) {
    Map<String, Integer> names = pattern.namedGroups();
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      dst.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        dst.append('$');
        i++;
        continue;
      }
      String name;
      int rest;
      if (i < template.length() && template.charAt(i) == '{') {
        int close = template.indexOf('}', i + 1);
        name = close < 0 ? "" : template.substring(i + 1, close);
        rest = close + 1;
        if (close < 0 || name.isEmpty() || !isName(name)) {
          dst.append('$');
          continue;
        }
      } else {
        int j = i;
        while (j < template.length() && isNameChar(template.charAt(j))) {
          j++;
        }
        name = template.substring(i, j);
        rest = j;
        if (name.isEmpty()) {
          dst.append('$');
          continue;
        }
      }
      i = rest;
      int group = -1;
      if (name.chars().allMatch(Character::isDigit)) {
        group = name.length() > 8 ? Integer.MAX_VALUE : Integer.parseInt(name);
      } else if (names.containsKey(name)) {
        group = names.get(name);
      }
      if (group >= 0 && 2 * (long) group + 1 < match.length && match[2 * group] >= 0) {
        dst.append(src, match[2 * group], match[2 * group + 1]);
      }
    }
    dst.append(template, Math.min(i, template.length()), template.length());
  }

  private static boolean isName(String s) {
    return s.chars().allMatch(c -> isNameChar((char) c));
  }

  private static boolean isNameChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** Go's {@code regexp.QuoteMeta}. */
  static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}

package io.tripline.iam;

import java.util.BitSet;
import java.util.Locale;

/**
 * A wildcard pattern ({@code *} any run of characters, {@code ?} one character) matched against a
 * whole string. Characters marked literal (from the escapes {@code ${*}}, {@code ${?}} and from
 * substituted variable values) never act as wildcards.
 */
final class Glob {

  /** How wildcards behave. */
  enum Mode {
    /** Actions: case-insensitive; wildcards match any character. */
    ACTION,
    /** StringLike and ARN segments in conditions: case-sensitive; wildcards match any character. */
    STRING,
    /**
     * Resource ARNs: case-sensitive; in the region and account segments a wildcard stays inside its
     * segment unless it is the segment's last character; in the resource part it matches anything
     * ("IAM JSON policy elements: Resource", section "Using wildcards in resource ARNs").
     */
    RESOURCE_ARN
  }

  private final char[] chars;
  private final boolean[] wild;
  private final boolean[] crossesColon;
  private final boolean ignoreCase;
  private final boolean hasWildcard;
  private final boolean allCross;
  private final String plain;

  private Glob(String text, BitSet literal, Mode mode) {
    this.ignoreCase = mode == Mode.ACTION;
    String s = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    this.plain = s;
    this.chars = s.toCharArray();
    this.wild = new boolean[chars.length];
    this.crossesColon = new boolean[chars.length];
    boolean any = false;
    int segment = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      boolean isLiteral = literal != null && literal.get(i);
      if (c == ':' && !isLiteral) {
        segment++;
      }
      if ((c == '*' || c == '?') && !isLiteral) {
        wild[i] = true;
        any = true;
        if (mode != Mode.RESOURCE_ARN || segment >= 5) {
          crossesColon[i] = true;
        } else {
          crossesColon[i] = c == '*' && (i == chars.length - 1 || chars[i + 1] == ':');
        }
      }
    }
    this.hasWildcard = any;
    boolean cross = true;
    for (int i = 0; i < chars.length; i++) {
      if (wild[i] && !crossesColon[i]) {
        cross = false;
      }
    }
    this.allCross = cross;
  }

  static Glob compile(String text, BitSet literal, Mode mode) {
    return new Glob(text, literal, mode);
  }

  static Glob compile(String text, Mode mode) {
    return new Glob(text, null, mode);
  }

  boolean matches(String input) {
    return matchesLowerCase(ignoreCase ? input.toLowerCase(Locale.ROOT) : input);
  }

  /** Like {@link #matches} for input already in lower case (actions). */
  boolean matchesLowerCase(String s) {
    if (!hasWildcard) {
      return plain.equals(s);
    }
    if (allCross) {
      return greedy(s);
    }
    int n = chars.length;
    int m = s.length();
    boolean[] prev = new boolean[m + 1];
    boolean[] cur = new boolean[m + 1];
    prev[0] = true;
    for (int i = 0; i < n; i++) {
      char pc = chars[i];
      if (wild[i] && pc == '*') {
        cur[0] = prev[0];
        for (int j = 1; j <= m; j++) {
          cur[j] = prev[j] || (cur[j - 1] && (crossesColon[i] || s.charAt(j - 1) != ':'));
        }
      } else {
        cur[0] = false;
        for (int j = 1; j <= m; j++) {
          char c = s.charAt(j - 1);
          boolean one = wild[i] ? (crossesColon[i] || c != ':') : c == pc;
          cur[j] = prev[j - 1] && one;
        }
      }
      boolean[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /** Linear-time matching with one backtrack point, for patterns whose wildcards match any character. */
  private boolean greedy(String s) {
    int p = 0;
    int i = 0;
    int star = -1;
    int mark = 0;
    int n = chars.length;
    int m = s.length();
    while (i < m) {
      if (p < n && wild[p] && chars[p] == '*') {
        star = p++;
        mark = i;
      } else if (p < n && (wild[p] || chars[p] == s.charAt(i))) {
        p++;
        i++;
      } else if (star >= 0) {
        p = star + 1;
        i = ++mark;
      } else {
        return false;
      }
    }
    while (p < n && wild[p] && chars[p] == '*') {
      p++;
    }
    return p == n;
  }
}

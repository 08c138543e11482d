package io.tripline.rego.builtins;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two glob-style expressions (only {@code .}, {@code *}, {@code +}, {@code [..]} with
 * ranges, and {@code \} escapes are special) can match a common string, with the algorithm and
 * error messages of the glob-intersection library OPA's {@code regex.globs_match} uses.
 */
final class GlobIntersection {
  private enum Kind { CHARACTER, DOT, SET }

  private enum Flag { NONE, PLUS, STAR }

  private static final class Token {
    final Kind kind;
    final int rune;
    final Set<Integer> runes;
    Flag flag = Flag.NONE;

    Token(Kind kind, int rune, Set<Integer> runes) {
      this.kind = kind;
      this.rune = rune;
      this.runes = runes;
    }

    boolean sameContent(Token o) {
      return kind == o.kind && (kind == Kind.DOT || (kind == Kind.CHARACTER ? rune == o.rune : runes.equals(o.runes)));
    }
  }

  private GlobIntersection() {}

  /** True when the intersection is non-empty; IllegalArgumentException for a malformed glob. */
  static boolean nonEmpty(String lhs, String rhs) {
    List<Token> g1 = simplify(tokenize(lhs.codePoints().toArray()));
    List<Token> g2 = simplify(tokenize(rhs.codePoints().toArray()));
    int l = 0;
    for (; l < g1.size() && l < g2.size() && g1.get(l).flag == Flag.NONE && g2.get(l).flag == Flag.NONE; l++) {
      if (!match(g1.get(l), g2.get(l))) {
        return false;
      }
    }
    if (l > 0) {
      l--;
    }
    int r1 = g1.size() - 1;
    int r2 = g2.size() - 1;
    for (; r1 >= 0 && r1 >= l && r2 >= 0 && r2 >= l && g1.get(r1).flag == Flag.NONE && g2.get(r2).flag == Flag.NONE;
        r1--, r2--) {
      if (!match(g1.get(r1), g2.get(r2))) {
        return false;
      }
    }
    if (r1 < g1.size() - 1) {
      r1++;
      r2++;
    }
    return intersectNormal(slice(g1, l, r1 + 1), slice(g2, l, r2 + 1));
  }

  private static List<Token> slice(List<Token> g, int from, int to) {
    return from >= to ? List.of() : g.subList(from, Math.min(to, g.size()));
  }

  private static boolean intersectNormal(List<Token> g1, List<Token> g2) {
    int i = 0;
    int j = 0;
    for (; i < g1.size() && j < g2.size(); i++, j++) {
      if (g1.get(i).flag == Flag.NONE && g2.get(j).flag == Flag.NONE) {
        if (!match(g1.get(i), g2.get(j))) {
          return false;
        }
      } else {
        return intersectSpecial(g1.subList(i, g1.size()), g2.subList(j, g2.size()));
      }
    }
    return i == g1.size() && j == g2.size();
  }

  private static boolean intersectSpecial(List<Token> g1, List<Token> g2) {
    if (g1.get(0).flag != Flag.NONE) {
      return g1.get(0).flag == Flag.PLUS ? intersectPlus(g1, g2) : intersectStar(g1, g2);
    }
    return g2.get(0).flag == Flag.PLUS ? intersectPlus(g2, g1) : intersectStar(g2, g1);
  }

  private static boolean intersectPlus(List<Token> plussed, List<Token> other) {
    if (!match(plussed.get(0), other.get(0))) {
      return false;
    }
    if (intersectStar(plussed, other.subList(1, other.size()))) {
      return true;
    }
    return other.get(0).flag != Flag.NONE && intersectNormal(plussed.subList(1, plussed.size()), other);
  }

  private static boolean intersectStar(List<Token> starred, List<Token> other) {
    Token star = starred.get(0);
    Token next = starred.size() > 1 ? starred.get(1) : null;
    for (int i = 0; i < other.size(); i++) {
      Token t = other.get(i);
      if (next != null && match(t, next)) {
        if (intersectNormal(starred.subList(1, starred.size()), other.subList(i, other.size()))) {
          return true;
        }
        if (!match(t, star)) {
          return false;
        }
      } else if (!match(t, star)) {
        return false;
      }
    }
    return next == null;
  }

  private static boolean match(Token a, Token b) {
    if (a.kind.ordinal() > b.kind.ordinal()) {
      Token t = a;
      a = b;
      b = t;
    }
    if (a.kind == Kind.CHARACTER) {
      return switch (b.kind) {
        case CHARACTER -> a.rune == b.rune;
        case DOT -> true;
        case SET -> b.runes.contains(a.rune);
      };
    }
    if (a.kind == Kind.DOT) {
      return true;
    }
    for (int r : a.runes) {
      if (b.runes.contains(r)) {
        return true;
      }
    }
    return false;
  }

  private static List<Token> simplify(List<Token> tokens) {
    List<Token> simple = new ArrayList<>();
    Token latest = null;
    for (Token t : tokens) {
      if (latest != null && t.flag != Flag.NONE && latest.flag != Flag.NONE && t.sameContent(latest)) {
        latest.flag = t.flag == Flag.PLUS || latest.flag == Flag.PLUS ? Flag.PLUS : Flag.STAR;
        continue;
      }
      latest = t;
      simple.add(t);
    }
    return simple;
  }

  // Tokenizer: a cursor over runes, with escapes marked.

  private static List<Token> tokenize(int[] in) {
    List<Token> tokens = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < in.length) {
      int index = pos[0];
      boolean escaped = in[index] == '\\';
      int r = next(in, pos);
      Token token;
      if (!escaped && r == '.') {
        token = new Token(Kind.DOT, 0, null);
      } else if (!escaped && r == ']') {
        throw invalid(pos[0], "set-close ']' with no preceding '['");
      } else if (!escaped && r == '[') {
        token = set(in, pos);
      } else if (!escaped && (r == '+' || r == '*')) {
        throw invalid(pos[0], "flag '" + new String(Character.toChars(r)) + "' must be preceded by a non-flag");
      } else {
        token = new Token(Kind.CHARACTER, r, null);
      }
      if (pos[0] < in.length && (in[pos[0]] == '+' || in[pos[0]] == '*')) {
        token.flag = in[pos[0]] == '+' ? Flag.PLUS : Flag.STAR;
        pos[0]++;
      }
      tokens.add(token);
    }
    return tokens;
  }

  /** The next rune, resolving a backslash escape; the cursor moves past it. */
  private static int next(int[] in, int[] pos) {
    int i = pos[0];
    if (in[i] == '\\') {
      if (i == in.length - 1) {
        throw invalid(i, "input ends with a \\ (escape) character");
      }
      pos[0] = i + 2;
      return in[i + 1];
    }
    pos[0] = i + 1;
    return in[i];
  }

  private static Token set(int[] in, int[] pos) {
    Set<Integer> runes = new HashSet<>();
    boolean prevExists = false;
    int prev = 0;
    while (pos[0] < in.length) {
      boolean escaped = in[pos[0]] == '\\';
      int r = next(in, pos);
      if (!escaped && r == ']') {
        return new Token(Kind.SET, 0, runes);
      }
      if (!escaped && r == '-') {
        if (!prevExists) {
          throw invalid(pos[0], "range character '-' must be preceded by a Unicode character");
        }
        if (pos[0] >= in.length - 1) {
          throw invalid(pos[0], "range character '-' must be followed by a Unicode character");
        }
        boolean hiEscaped = in[pos[0]] == '\\';
        int hi = next(in, pos);
        if (!hiEscaped && (hi == ']' || hi == '-')) {
          throw invalid(pos[0], "range character '-' cannot be followed by a special symbol");
        }
        if (hi < prev) {
          throw invalid(pos[0], "range is out of order: '" + new String(Character.toChars(hi)) + "' comes before '"
              + new String(Character.toChars(prev)) + "' in Unicode");
        }
        for (int x = prev; x <= hi; x++) {
          runes.add(x);
        }
        prevExists = false;
      } else {
        runes.add(r);
        prev = r;
        prevExists = true;
      }
    }
    throw invalid(pos[0], "found [ without matching ]");
  }

  private static IllegalArgumentException invalid(int index, String message) {
    return new IllegalArgumentException("pos:" + index + ":" + message + ": the input provided is invalid");
  }
}

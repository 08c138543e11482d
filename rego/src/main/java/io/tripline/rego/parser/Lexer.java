package io.tripline.rego.parser;

import io.tripline.rego.ast.Location;
import java.util.ArrayList;
import java.util.List;

/** Splits Rego source into tokens, remembering comments (for METADATA blocks) and newlines. */
final class Lexer {
  private static final String[] PUNCT = {
    ":=", "==", "!=", "<=", ">=", "<", ">", "=", "+", "-", "*", "/", "%", "&", "|",
    "{", "}", "[", "]", "(", ")", ".", ",", ";", ":"
  };

  private final String file;
  private final String src;
  private int pos;
  private int line = 1;
  private int lineStart;
  private final List<Token> tokens = new ArrayList<>();
  /** Comment lines: index = line number, text without the leading '#'. */
  final java.util.Map<Integer, String> comments = new java.util.HashMap<>();

  Lexer(String file, String src) {
    this.file = file;
    this.src = src;
  }

  /** A lexer for source that starts at the given line and column of file (template expressions). */
  Lexer(String file, String src, int line, int col) {
    this(file, src);
    this.line = line;
    this.lineStart = -(col - 1);
  }

  List<Token> tokenize() {
    boolean newline = true;
    while (true) {
      // skip whitespace and comments
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == '\n') {
          newline = true;
          pos++;
          line++;
          lineStart = pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          pos++;
        } else if (c == '#') {
          int start = pos + 1;
          while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
          }
          comments.put(line, src.substring(start, pos));
        } else {
          break;
        }
      }
      if (pos >= src.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", loc(), true));
        return tokens;
      }
      Location at = loc();
      char c = src.charAt(pos);
      if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
          pos++;
        }
        tokens.add(new Token(Token.Kind.IDENT, src.substring(start, pos), at, newline));
      } else if (Character.isDigit(c)) {
        tokens.add(new Token(Token.Kind.NUMBER, number(), at, newline));
      } else if (c == '$' && pos + 1 < src.length() && (src.charAt(pos + 1) == '"' || src.charAt(pos + 1) == '`')) {
        tokens.add(template(at, newline));
      } else if (c == '"') {
        tokens.add(new Token(Token.Kind.STRING, string(at), at, newline));
      } else if (c == '`') {
        int end = src.indexOf('`', pos + 1);
        if (end < 0) {
          throw new ParseException(at, "non-terminated raw string");
        }
        String raw = src.substring(pos + 1, end);
        for (int i = 0; i < raw.length(); i++) {
          if (raw.charAt(i) == '\n') {
            line++;
            lineStart = pos + 1 + i + 1;
          }
        }
        pos = end + 1;
        tokens.add(new Token(Token.Kind.STRING, raw, at, newline));
      } else {
        String p = null;
        for (String candidate : PUNCT) {
          if (src.startsWith(candidate, pos)) {
            p = candidate;
            break;
          }
        }
        if (p == null) {
          throw new ParseException(at, "illegal token '" + c + "'");
        }
        pos += p.length();
        tokens.add(new Token(Token.Kind.PUNCT, p, at, newline));
      }
      newline = false;
    }
  }

  private Location loc() {
    return new Location(file, line, pos - lineStart + 1);
  }

  private String number() {
    int start = pos;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    return src.substring(start, pos);
  }

  /**
   * {@code $"text {expr} text"} or {@code $`raw {expr}`}: literal parts and expression sources;
   * {@code \{} and {@code \}} are literal braces.
   */
  private Token template(Location at, boolean newline) {
    char quote = src.charAt(pos + 1);
    pos += 2;
    java.util.List<Token.TemplatePart> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (true) {
      if (pos >= src.length() || (quote == '"' && src.charAt(pos) == '\n')) {
        throw new ParseException(at, "non-terminated template string");
      }
      char c = src.charAt(pos);
      if (c == quote) {
        pos++;
        break;
      }
      if (c == '\\' && quote == '"') {
        char e = pos + 1 < src.length() ? src.charAt(pos + 1) : ' ';
        if (e == '{' || e == '}') {
          lit.append(e);
          pos += 2;
          continue;
        }
        lit.append(escape(at));
        continue;
      }
      if (c == '{') {
        if (lit.length() > 0) {
          parts.add(new Token.TemplatePart(lit.toString(), null, null));
          lit.setLength(0);
        }
        Location exprAt = new Location(file, line, pos - lineStart + 2);
        int depth = 1;
        int start = ++pos;
        while (pos < src.length() && depth > 0) {
          char d = src.charAt(pos);
          if (d == '"') {
            string(at);
            continue;
          }
          if (d == '{') {
            depth++;
          } else if (d == '}') {
            depth--;
          } else if (d == '\n') {
            line++;
            lineStart = pos + 1;
          }
          pos++;
        }
        if (depth > 0) {
          throw new ParseException(at, "non-terminated template string");
        }
        parts.add(new Token.TemplatePart(null, src.substring(start, pos - 1), exprAt));
        continue;
      }
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      }
      lit.append(c);
      pos++;
    }
    if (lit.length() > 0 || parts.isEmpty()) {
      parts.add(new Token.TemplatePart(lit.toString(), null, null));
    }
    return new Token(Token.Kind.TEMPLATE, "", at, newline, parts);
  }

  /** Decodes one backslash escape; pos is at the backslash and moves past the escape. */
  private String escape(Location at) {
    pos++;
    StringBuilder sb = new StringBuilder();
    escapeInto(sb, at);
    return sb.toString();
  }

  /** Decodes the escape whose letter is at pos into sb. */
  private void escapeInto(StringBuilder sb, Location at) {
    if (pos >= src.length()) {
      throw new ParseException(at, "non-terminated string");
    }
    char e = src.charAt(pos++);
    switch (e) {
      case '"' -> sb.append('"');
      case '\\' -> sb.append('\\');
      case '/' -> sb.append('/');
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int d = pos + i < src.length() ? Character.digit(src.charAt(pos + i), 16) : -1;
          if (d < 0) {
            throw new ParseException(escapeAt(), "illegal escape sequence \\u"
                + src.substring(pos, Math.min(src.length(), pos + 4)).replaceAll("[\\r\\n\"].*", "")
                + ": \\u needs four hexadecimal digits");
          }
          code = code * 16 + d;
        }
        sb.append((char) code);
        pos += 4;
      }
      default -> throw new ParseException(escapeAt(), "illegal escape sequence \\" + e);
    }
  }

  /** Where the escape whose letter was just read starts (its backslash). */
  private Location escapeAt() {
    return new Location(file, line, pos - 2 - lineStart + 1);
  }

  private String string(Location at) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new ParseException(at, "non-terminated string");
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= src.length()) {
        throw new ParseException(at, "non-terminated string");
      }
      escapeInto(sb, at);
    }
  }
}

package io.tripline.rego.builtins;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed form of a Go {@code text/template} as {@code strings.render_template} uses it: text,
 * actions with pipelines ({@code {{.a.b | printf "%s"}}}), variables, {@code if}/{@code else if},
 * {@code range}, {@code with}, {@code break}/{@code continue}, comments and {@code {{- -}}} trimming.
 * Templates ({@code define}, {@code template}, {@code block}) are not supported.
 */
final class GoTemplate {
  /** A node of the template tree. */
  sealed interface Node permits Text, Action, If, Range, With, Break, Continue {}

  record Text(String text) implements Node {}

  record Action(Pipeline pipeline) implements Node {}

  /** {@code if}, {@code with}: the branch taken when the pipeline's value is true, and the other. */
  record If(Pipeline pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  record With(Pipeline pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  record Range(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

  record Break() implements Node {}

  record Continue() implements Node {}

  /** Declared or assigned variables, then commands joined by {@code |}. */
  record Pipeline(int pos, List<String> variables, boolean declare, List<Command> commands) {}

  record Command(int pos, List<Arg> args) {}

  /** An operand of a command. */
  sealed interface Arg permits Field, Variable, Dot, Literal, Identifier, Nested {}

  /** {@code .a.b} (fields of dot). */
  record Field(int pos, List<String> names) implements Arg {}

  /** {@code $x.a} (fields of a variable). */
  record Variable(int pos, String name, List<String> names) implements Arg {}

  record Dot(int pos) implements Arg {}

  /** A string, number, boolean or nil constant; numbers are BigDecimal. */
  record Literal(int pos, Object value) implements Arg {}

  /** A function name. */
  record Identifier(int pos, String name) implements Arg {}

  /** {@code (pipeline).a.b}. */
  record Nested(int pos, Pipeline pipeline, List<String> names) implements Arg {}

  final String source;
  final List<Node> root;

  private GoTemplate(String source, List<Node> root) {
    this.source = source;
    this.root = root;
  }

  /** Parses; IllegalArgumentException with a {@code template: template:LINE: ...} message. */
  static GoTemplate parse(String source) {
    Parser p = new Parser(source);
    List<Node> nodes = p.list(true);
    return new GoTemplate(source, nodes);
  }

  /** The "template:LINE:COL" context of a byte position, as Go reports execution errors. */
  String context(int pos) {
    String before = source.substring(0, Math.min(pos, source.length()));
    int nl = before.lastIndexOf('\n');
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    return "template:" + line + ":" + (nl < 0 ? pos : pos - nl - 1);
  }

  /** Splits the source into text and actions and builds the tree. */
  private static final class Parser {
    private final String src;
    private int pos;
    private boolean trimNext;
    private String endKeyword;
    private Pipeline elsePipeline;
    private String elseKind;

    Parser(String src) {
      this.src = src;
    }

    private IllegalArgumentException error(int at, String message) {
      int line = 1 + (int) src.substring(0, Math.min(at, src.length())).chars().filter(c -> c == '\n').count();
      return new IllegalArgumentException("template: template:" + line + ": " + message);
    }

    /** Nodes up to {{end}} / {{else}} (or the end when top). Sets endKeyword to what closed it. */
    List<Node> list(boolean top) {
      List<Node> out = new ArrayList<>();
      while (true) {
        int open = src.indexOf("{{", pos);
        String text = open < 0 ? src.substring(pos) : src.substring(pos, open);
        if (trimNext) {
          text = stripLeading(text);
          trimNext = false;
        }
        if (open < 0) {
          if (!text.isEmpty()) {
            out.add(new Text(text));
          }
          if (!top) {
            throw error(src.length(), "unexpected EOF");
          }
          return out;
        }
        int inner = open + 2;
        if (src.startsWith("- ", inner) || src.startsWith("-\t", inner) || src.startsWith("-\n", inner)) {
          text = stripTrailing(text);
          inner += 1;
        }
        if (!text.isEmpty()) {
          out.add(new Text(text));
        }
        int close = findClose(inner);
        int end = close + 2;
        String body = src.substring(inner, close);
        if (body.endsWith(" -") || body.endsWith("\t-") || body.endsWith("\n-")) {
          body = body.substring(0, body.length() - 1);
          trimNext = true;
        }
        pos = end;
        String trimmed = body.strip();
        if (trimmed.startsWith("/*")) {
          if (!trimmed.endsWith("*/")) {
            throw error(inner, "unclosed comment");
          }
          continue;
        }
        Lexer lx = new Lexer(body, inner, this);
        String word = lx.peekKeyword();
        switch (word == null ? "" : word) {
          case "end" -> {
            lx.keyword();
            lx.expectEnd();
            if (top) {
              throw error(inner, "unexpected {{end}}");
            }
            endKeyword = "end";
            return out;
          }
          case "else" -> {
            lx.keyword();
            if (top) {
              throw error(inner, "unexpected {{else}}");
            }
            endKeyword = "else";
            String next = lx.peekKeyword();
            if ("if".equals(next) || "with".equals(next)) {
              lx.keyword();
              elseKind = next;
              elsePipeline = lx.pipeline(true);
            } else {
              lx.expectEnd();
              elseKind = null;
              elsePipeline = null;
            }
            return out;
          }
          case "if", "with", "range" -> {
            lx.keyword();
            out.add(control(word, lx.pipeline(true)));
          }
          case "break", "continue" -> {
            lx.keyword();
            lx.expectEnd();
            out.add("break".equals(word) ? new Break() : new Continue());
          }
          case "define", "template", "block" -> throw error(inner, "{{" + word + "}} is not supported");
          default -> out.add(new Action(lx.pipeline(false)));
        }
      }
    }

    private Node control(String kind, Pipeline pipe) {
      List<Node> then = list(false);
      List<Node> otherwise = List.of();
      if ("else".equals(endKeyword)) {
        if (elsePipeline != null) {
          String chained = elseKind;
          Pipeline chainedPipe = elsePipeline;
          otherwise = List.of(control(chained, chainedPipe));
        } else {
          otherwise = list(false);
          if (!"end".equals(endKeyword)) {
            throw error(pos, "expected end; found {{else}}");
          }
        }
      }
      return switch (kind) {
        case "if" -> new If(pipe, then, otherwise);
        case "with" -> new With(pipe, then, otherwise);
        default -> new Range(pipe, then, otherwise);
      };
    }

    private int findClose(int from) {
      int i = from;
      while (i < src.length()) {
        char c = src.charAt(i);
        if (c == '"' || c == '`' || c == '\'') {
          int j = i + 1;
          while (j < src.length() && src.charAt(j) != c) {
            j += src.charAt(j) == '\\' && c != '`' ? 2 : 1;
          }
          i = j + 1;
          continue;
        }
        if (src.startsWith("}}", i)) {
          return i;
        }
        i++;
      }
      throw error(from, "unclosed action");
    }

    private static String stripLeading(String s) {
      int i = 0;
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      return s.substring(i);
    }

    private static String stripTrailing(String s) {
      int i = s.length();
      while (i > 0 && " \t\r\n".indexOf(s.charAt(i - 1)) >= 0) {
        i--;
      }
      return s.substring(0, i);
    }
  }

  /** Tokens inside one action. */
  private static final class Lexer {
    private final String s;
    private final int base;
    private final Parser parser;
    private int i;

    Lexer(String s, int base, Parser parser) {
      this.s = s;
      this.base = base;
      this.parser = parser;
    }

    private void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    String peekKeyword() {
      skipSpace();
      int j = i;
      while (j < s.length() && Character.isLetter(s.charAt(j))) {
        j++;
      }
      String w = s.substring(i, j);
      boolean alone = j == s.length() || !Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) != '_';
      return alone && List.of("end", "else", "if", "with", "range", "break", "continue", "define", "template", "block")
          .contains(w) ? w : null;
    }

    void keyword() {
      skipSpace();
      while (i < s.length() && Character.isLetter(s.charAt(i))) {
        i++;
      }
    }

    void expectEnd() {
      skipSpace();
      if (i < s.length()) {
        throw parser.error(base + i, "unexpected " + GoQuote.quote(s.substring(i)) + " in command");
      }
    }

    Pipeline pipeline(boolean control) {
      skipSpace();
      int start = base + i;
      List<String> vars = new ArrayList<>();
      boolean declare = false;
      int save = i;
      while (i < s.length() && s.charAt(i) == '$') {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        vars.add(s.substring(i, j));
        i = j;
        skipSpace();
        if (i < s.length() && s.charAt(i) == ',' && control) {
          i++;
          skipSpace();
          continue;
        }
        break;
      }
      if (!vars.isEmpty() && s.startsWith(":=", i)) {
        declare = true;
        i += 2;
      } else if (vars.size() == 1 && s.startsWith("=", i) && !s.startsWith("==", i)) {
        i += 1;
      } else {
        vars.clear();
        i = save;
      }
      List<Command> cmds = new ArrayList<>();
      while (true) {
        skipSpace();
        int cmdPos = base + i;
        List<Arg> args = new ArrayList<>();
        while (true) {
          skipSpace();
          if (i >= s.length() || s.charAt(i) == '|' || s.charAt(i) == ')') {
            break;
          }
          args.add(operand());
        }
        if (args.isEmpty()) {
          throw parser.error(cmdPos, "missing value for command");
        }
        cmds.add(new Command(cmdPos, args));
        if (i < s.length() && s.charAt(i) == '|') {
          i++;
          continue;
        }
        break;
      }
      if (i < s.length() && s.charAt(i) == ')' && !nested) {
        throw parser.error(base + i, "unexpected right paren");
      }
      return new Pipeline(start, vars, declare, cmds);
    }

    private boolean nested;

    private Arg operand() {
      int p = base + i;
      char c = s.charAt(i);
      if (c == '(') {
        i++;
        boolean was = nested;
        nested = true;
        Pipeline inner = pipeline(false);
        nested = was;
        skipSpace();
        if (i >= s.length() || s.charAt(i) != ')') {
          throw parser.error(p, "unclosed left paren");
        }
        i++;
        return new Nested(p, inner, fieldChain());
      }
      if (c == '.') {
        if (i + 1 >= s.length() || !isIdentStart(s.charAt(i + 1))) {
          i++;
          return new Dot(p);
        }
        return new Field(p, fieldChain());
      }
      if (c == '$') {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        String name = s.substring(i, j);
        i = j;
        return new Variable(p, name, fieldChain());
      }
      if (c == '"' || c == '`') {
        return new Literal(p, string());
      }
      if (c == '\'') {
        int j = s.indexOf('\'', i + 1);
        String ch = s.substring(i + 1, j);
        i = j + 1;
        return new Literal(p, BigDecimal.valueOf(ch.codePointAt(0)));
      }
      if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
          j++;
        }
        String num = s.substring(i, j);
        i = j;
        try {
          return new Literal(p, new BigDecimal(num.replace("_", "")));
        } catch (NumberFormatException e) {
          throw parser.error(p, "bad number syntax: " + GoQuote.quote(num));
        }
      }
      if (isIdentStart(c)) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        String word = s.substring(i, j);
        i = j;
        return switch (word) {
          case "true" -> new Literal(p, Boolean.TRUE);
          case "false" -> new Literal(p, Boolean.FALSE);
          case "nil" -> new Literal(p, null);
          default -> new Identifier(p, word);
        };
      }
      throw parser.error(p, "unexpected " + GoQuote.quote(String.valueOf(c)) + " in operand");
    }

    private List<String> fieldChain() {
      List<String> names = new ArrayList<>();
      while (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && isIdentStart(s.charAt(i + 1))) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        names.add(s.substring(i + 1, j));
        i = j;
      }
      return names;
    }

    private String string() {
      char q = s.charAt(i);
      StringBuilder sb = new StringBuilder();
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != q) {
        char c = s.charAt(j);
        if (c == '\\' && q == '"' && j + 1 < s.length()) {
          char e = s.charAt(++j);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '\\' -> sb.append('\\');
            case '"' -> sb.append('"');
            case 'x' -> {
              sb.append((char) Integer.parseInt(s.substring(j + 1, j + 3), 16));
              j += 2;
            }
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(j + 1, j + 5), 16));
              j += 4;
            }
            default -> sb.append('\\').append(e);
          }
        } else {
          sb.append(c);
        }
        j++;
      }
      if (j >= s.length()) {
        throw parser.error(base + i, "unterminated quoted string");
      }
      i = j + 1;
      return sb.toString();
    }

    private static boolean isIdentStart(char c) {
      return Character.isLetter(c) || c == '_';
    }
  }
}

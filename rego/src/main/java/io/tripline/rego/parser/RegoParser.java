package io.tripline.rego.parser;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.ast.Term;
import java.util.List;

/** Entry points: parse a module, a query, or a single term (like OPA's input_term). */
public final class RegoParser {
  /**
   * The deepest nesting a term may have (brackets, parentheses, braces, unary minus, and the
   * length of an operator chain such as {@code 1 + 1 + ...}); deeper input is a parse error at
   * the place it goes past the limit. Parsing, compiling and evaluating run on a large stack
   * ({@link io.tripline.rego.DeepStack}) so that this depth always fits.
   */
  public static final int MAX_DEPTH = 20_000;

  /** The most expressions one body (rule, query, comprehension, {@code every}) may have. */
  public static final int MAX_BODY = 1_000;

  private RegoParser() {}

  /** Parses a v1 module; throws {@link ParseException} with file:line:col. */
  public static Module parseModule(String file, String source) {
    return parseModule(file, source, RegoVersion.V1);
  }

  /** Parses a module written in the given Rego version; throws {@link ParseException} with file:line:col. */
  public static Module parseModule(String file, String source, RegoVersion version) {
    Lexer lexer = new Lexer(file, source);
    List<Token> tokens = lexer.tokenize();
    return new ModuleParser(file, tokens, lexer.comments, version).module();
  }

  /** Parses a query: literals separated by ';' or newlines. */
  public static Body parseQuery(String source) {
    Lexer lexer = new Lexer("", source);
    TermParser p = new TermParser(lexer.tokenize());
    Body b = p.body(p.peek().location());
    if (p.peek().kind() != Token.Kind.EOF) {
      throw p.unexpected();
    }
    return b;
  }

  /** Parses one term. */
  public static Term parseTerm(String source) {
    Lexer lexer = new Lexer("", source);
    TermParser p = new TermParser(lexer.tokenize());
    Term t = p.term(0);
    if (p.peek().kind() != Token.Kind.EOF) {
      throw p.unexpected();
    }
    return t;
  }
}

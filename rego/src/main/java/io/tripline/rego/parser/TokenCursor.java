package io.tripline.rego.parser;

import java.util.List;

/** A position in a token list with the small helpers the parsers share. */
abstract class TokenCursor {
  protected final List<Token> tokens;
  protected int pos;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  boolean at(String punct) {
    return peek().is(punct);
  }

  boolean atWord(String word) {
    return peek().isWord(word);
  }

  boolean accept(String punct) {
    if (at(punct)) {
      pos++;
      return true;
    }
    return false;
  }

  Token expect(String punct) {
    if (!at(punct)) {
      throw unexpected();
    }
    return next();
  }

  Token expectWord(String word) {
    if (!atWord(word)) {
      throw unexpected();
    }
    return next();
  }

  ParseException unexpected() {
    Token t = peek();
    return new ParseException(t.location(), "unexpected " + t.describe() + " token");
  }
}

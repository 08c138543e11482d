package io.tripline.rego.parser;

import io.tripline.rego.ast.Location;

/** One lexical token; {@code text} is the decoded value for strings. */
record Token(Kind kind, String text, Location location, boolean newlineBefore, java.util.List<TemplatePart> parts) {
  Token(Kind kind, String text, Location location, boolean newlineBefore) {
    this(kind, text, location, newlineBefore, null);
  }

  /** A piece of a template string: literal text, or the source of an interpolated expression. */
  record TemplatePart(String literal, String expression, Location location) {}

  enum Kind {
    IDENT,
    STRING,
    TEMPLATE,
    NUMBER,
    PUNCT,
    EOF
  }

  boolean is(String punct) {
    return kind == Kind.PUNCT && text.equals(punct);
  }

  boolean isWord(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  String describe() {
    return switch (kind) {
      case EOF -> "EOF";
      case STRING -> "string";
      case TEMPLATE -> "template string";
      case NUMBER -> "number";
      case IDENT -> "ident " + text;
      case PUNCT -> text;
    };
  }
}

package io.tripline.rego.parser;

import io.tripline.rego.ast.Location;

/** One lexical token; {@code text} is the decoded value for strings. */
record Token(Kind kind, String text, Location location, boolean newlineBefore) {
  enum Kind {
    IDENT,
    STRING,
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
      case NUMBER -> "number";
      case IDENT -> "ident " + text;
      case PUNCT -> text;
    };
  }
}

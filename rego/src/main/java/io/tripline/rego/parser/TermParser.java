package io.tripline.rego.parser;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Term;
import io.tripline.rego.ast.With;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Terms, expressions and bodies, with OPA's operator precedence. */
class TermParser extends TokenCursor {
  static final Set<String> KEYWORDS =
      Set.of("if", "else", "contains", "some", "every", "not", "with", "as", "in", "default", "package", "import");
  private static final Map<String, String> RELATIONS =
      Map.of("==", "equal", "!=", "neq", "<", "lt", "<=", "lte", ">", "gt", ">=", "gte");

  /** The keywords a v0 module has not imported from {@code future.keywords}. */
  static final Set<String> FUTURE_KEYWORDS = Set.of("if", "contains", "in", "every");

  private int wildcards;
  /** Nesting of the term being parsed: brackets, parentheses, braces, unary minus and operator chains. */
  private int depth;
  /** Future keywords that are plain identifiers here (v0 modules until imported). */
  protected final Set<String> identifierKeywords = new HashSet<>();

  TermParser(List<Token> tokens) {
    super(tokens);
  }

  @Override
  boolean atWord(String word) {
    return super.atWord(word) && !identifierKeywords.contains(word);
  }

  // ---- bodies and literals ----

  /** Literals separated by ';' or newlines, until one of the closing tokens (not consumed). */
  Body body(Location at, String... closers) {
    List<Literal> lits = new ArrayList<>();
    while (true) {
      while (accept(";")) {
        // empty statements
      }
      if (isCloser(closers)) {
        break;
      }
      if (lits.size() == RegoParser.MAX_BODY) {
        throw new ParseException(peek().location(), "body too long: more than " + RegoParser.MAX_BODY
            + " expressions; split it into helper rules or functions");
      }
      lits.add(literal());
      if (accept(";")) {
        continue;
      }
      if (isCloser(closers) || peek().newlineBefore()) {
        continue;
      }
      throw unexpected();
    }
    if (lits.isEmpty()) {
      throw new ParseException(at, "found empty body");
    }
    return new Body(lits, at);
  }

  private boolean isCloser(String... closers) {
    if (peek().kind() == Token.Kind.EOF) {
      return true;
    }
    for (String c : closers) {
      if (at(c)) {
        return true;
      }
    }
    return false;
  }

  Literal literal() {
    Location at = peek().location();
    boolean negated = false;
    if (atWord("not")) {
      next();
      negated = true;
    }
    Expr expr;
    if (atWord("some")) {
      next();
      expr = someExpr();
    } else if (atWord("every")) {
      next();
      expr = everyExpr(at);
    } else {
      expr = expression();
    }
    List<With> withs = new ArrayList<>();
    while (atWord("with")) {
      Location wl = next().location();
      Term target = postfix();
      expectWord("as");
      Term value = term(0);
      withs.add(new With(target, value, wl));
    }
    return new Literal(negated, expr, withs, at);
  }

  private Expr someExpr() {
    List<Term> terms = new ArrayList<>();
    terms.add(term(NO_IN));
    while (accept(",")) {
      terms.add(term(NO_IN));
    }
    if (atWord("in")) {
      next();
      if (terms.size() > 2) {
        throw unexpected();
      }
      Term coll = term(NO_IN);
      return terms.size() == 1 ? new Expr.SomeIn(null, terms.get(0), coll) : new Expr.SomeIn(terms.get(0), terms.get(1), coll);
    }
    List<Term.Var> vars = new ArrayList<>();
    for (Term t : terms) {
      if (!(t instanceof Term.Var v)) {
        throw new ParseException(t.location(), "expected var");
      }
      vars.add(v);
    }
    return new Expr.SomeDecl(vars);
  }

  private Expr everyExpr(Location at) {
    Term first = term(NO_IN);
    Term key = null;
    Term value = first;
    if (accept(",")) {
      key = first;
      value = term(NO_IN);
    }
    expectWord("in");
    Term domain = term(NO_IN);
    Location bl = expect("{").location();
    Body body = body(bl, "}");
    expect("}");
    return new Expr.Every(key, value, domain, body);
  }

  private Expr expression() {
    Term lhs = term(TUPLE);
    if (at(":=")) {
      next();
      return new Expr.Assign(lhs, term(0));
    }
    if (at("=")) {
      next();
      return new Expr.Unify(lhs, term(0));
    }
    return new Expr.TermExpr(lhs);
  }

  // ---- terms by precedence ----

  static final int NO_IN = 1;
  static final int NO_PIPE = 2;
  /** Allows {@code k, v in xs} (at expression level and inside parentheses). */
  static final int TUPLE = 4;

  Term term(int flags) {
    Term lhs = relation(flags);
    if ((flags & TUPLE) != 0 && (flags & NO_IN) == 0 && at(",") && !peek().newlineBefore()) {
      int save = pos;
      next();
      Term v = relation(flags);
      if (atWord("in")) {
        next();
        lhs = call("internal.member_3", lhs.location(), lhs, v, relation(flags));
      } else {
        pos = save;
      }
    }
    int d = depth;
    while ((flags & NO_IN) == 0 && atWord("in") && !peek().newlineBefore()) {
      deeper(next().location());
      Term rhs = relation(flags);
      lhs = call("internal.member_2", lhs.location(), lhs, rhs);
    }
    depth = d;
    return lhs;
  }

  private Term relation(int flags) {
    int d = depth;
    Term lhs = or(flags);
    while (peek().kind() == Token.Kind.PUNCT && RELATIONS.containsKey(peek().text()) && !peek().newlineBefore()) {
      deeper(peek().location());
      String op = RELATIONS.get(next().text());
      lhs = call(op, lhs.location(), lhs, or(flags));
    }
    depth = d;
    return lhs;
  }

  private Term or(int flags) {
    int d = depth;
    Term lhs = and(flags);
    while ((flags & NO_PIPE) == 0 && at("|") && !peek().newlineBefore()) {
      deeper(next().location());
      lhs = call("or", lhs.location(), lhs, and(flags));
    }
    depth = d;
    return lhs;
  }

  private Term and(int flags) {
    int d = depth;
    Term lhs = arith();
    while (at("&") && !peek().newlineBefore()) {
      deeper(next().location());
      lhs = call("and", lhs.location(), lhs, arith());
    }
    depth = d;
    return lhs;
  }

  private Term arith() {
    int d = depth;
    Term lhs = factor();
    while ((at("+") || at("-")) && !peek().newlineBefore()) {
      deeper(peek().location());
      String op = next().text().equals("+") ? "plus" : "minus";
      lhs = call(op, lhs.location(), lhs, factor());
    }
    depth = d;
    return lhs;
  }

  private Term factor() {
    int d = depth;
    Term lhs = unary();
    while ((at("*") || at("/") || at("%")) && !peek().newlineBefore()) {
      deeper(peek().location());
      String t = next().text();
      String op = t.equals("*") ? "mul" : t.equals("/") ? "div" : "rem";
      lhs = call(op, lhs.location(), lhs, unary());
    }
    depth = d;
    return lhs;
  }

  private Term unary() {
    if (at("-")) {
      Location at = next().location();
      if (peek().kind() == Token.Kind.NUMBER && !peek().newlineBefore()) {
        return new Term.Scalar(NumberValue.parse("-" + next().text()), at);
      }
      deeper(at);
      Term operand = unary();
      depth--;
      return call("minus", at, new Term.Scalar(NumberValue.ZERO, at), operand);
    }
    return postfix();
  }

  /** A primary term followed by {@code .name}, {@code [term]} and call suffixes. */
  Term postfix() {
    Term t = primary();
    List<Term> path = new ArrayList<>();
    Term head = t;
    while (true) {
      if (at(".") && peek(1).kind() == Token.Kind.IDENT && !peek(1).newlineBefore()) {
        next();
        Token name = next();
        path.add(new Term.Scalar(StringValue.of(name.text()), name.location()));
      } else if (at("[") && !peek().newlineBefore()) {
        deeper(next().location());
        path.add(term(0));
        depth--;
        expect("]");
      } else if (at("(") && !peek().newlineBefore() && isCallable(head, path)) {
        Location at = next().location();
        deeper(at);
        List<Term> args = new ArrayList<>();
        while (!at(")")) {
          args.add(term(0));
          if (!accept(",")) {
            break;
          }
        }
        depth--;
        expect(")");
        Term.Ref op = head instanceof Term.Ref r ? r : new Term.Ref(head, List.copyOf(path), head.location());
        if (!path.isEmpty() && head instanceof Term.Var) {
          op = new Term.Ref(head, List.copyOf(path), head.location());
        }
        head = new Term.Call(op, args, op.location());
        path = new ArrayList<>();
      } else {
        break;
      }
    }
    if (path.isEmpty()) {
      return head;
    }
    return new Term.Ref(head, List.copyOf(path), head.location());
  }

  private boolean isCallable(Term head, List<Term> path) {
    if (!(head instanceof Term.Var v) || v.isWildcard()) {
      return false;
    }
    for (Term p : path) {
      if (!(p instanceof Term.Scalar s && s.value() instanceof StringValue)) {
        return false;
      }
    }
    return true;
  }

  private Term primary() {
    Token t = peek();
    Location at = t.location();
    switch (t.kind()) {
      case STRING -> {
        next();
        return new Term.Scalar(StringValue.of(t.text()), at);
      }
      case TEMPLATE -> {
        next();
        return template(t);
      }
      case NUMBER -> {
        next();
        NumberValue n = NumberValue.parse(t.text());
        if (n == null) {
          throw new ParseException(at, "invalid number " + t.text());
        }
        return new Term.Scalar(n, at);
      }
      case IDENT -> {
        String w = t.text();
        switch (w) {
          case "true" -> {
            next();
            return new Term.Scalar(BooleanValue.TRUE, at);
          }
          case "false" -> {
            next();
            return new Term.Scalar(BooleanValue.FALSE, at);
          }
          case "null" -> {
            next();
            return new Term.Scalar(NullValue.NULL, at);
          }
          default -> { }
        }
        if (w.equals("set") && peek(1).is("(") && peek(2).is(")")) {
          pos += 3;
          return new Term.SetTerm(List.of(), at);
        }
        // `contains` is a keyword in rule heads only; in a body `contains(s, x)` is the builtin call
        if (KEYWORDS.contains(w) && !identifierKeywords.contains(w) && !(w.equals("contains") && peek(1).is("("))) {
          throw unexpected();
        }
        next();
        if (w.equals("_")) {
          return new Term.Var("$" + (wildcards++), at);
        }
        return new Term.Var(w, at);
      }
      case PUNCT -> {
        if (!t.is("(") && !t.is("[") && !t.is("{")) {
          throw unexpected();
        }
        deeper(at);
        Term inner;
        if (t.is("(")) {
          next();
          inner = term(TUPLE);
          expect(")");
        } else {
          inner = t.is("[") ? arrayOrComprehension() : braces();
        }
        depth--;
        return inner;
      }
      default -> throw unexpected();
    }
  }

  /**
   * {@code $"a {x} b"} becomes {@code internal.template_string(["a ", {x | true}, " b"])}, as
   * OPA lowers it: each expression sits in a set so that an undefined one renders as
   * {@code <undefined>} instead of making the whole string undefined.
   */
  private Term template(Token t) {
    List<Term> parts = new ArrayList<>();
    for (Token.TemplatePart p : t.parts()) {
      if (p.literal() != null) {
        parts.add(new Term.Scalar(StringValue.of(p.literal()), t.location()));
        continue;
      }
      Lexer lexer = new Lexer(p.location().file(), p.expression(), p.location().line(), p.location().col());
      TermParser sub = new TermParser(lexer.tokenize());
      sub.wildcards = wildcards;
      sub.depth = depth;
      Term expr = sub.term(0);
      if (sub.peek().kind() != Token.Kind.EOF) {
        throw sub.unexpected();
      }
      wildcards = sub.wildcards;
      Location at = p.location();
      Body always = new Body(List.of(new Literal(false, new Expr.TermExpr(new Term.Scalar(BooleanValue.TRUE, at)),
          List.of(), at)), at);
      parts.add(new Term.SetComprehension(expr, always, at));
    }
    return call("internal.template_string", t.location(), new Term.ArrayTerm(parts, t.location()));
  }

  private Term arrayOrComprehension() {
    Location at = expect("[").location();
    if (accept("]")) {
      return new Term.ArrayTerm(List.of(), at);
    }
    Term first = term(NO_PIPE);
    if (accept("|")) {
      Body body = body(peek().location(), "]");
      expect("]");
      return new Term.ArrayComprehension(first, body, at);
    }
    List<Term> items = new ArrayList<>();
    items.add(first);
    while (accept(",")) {
      if (at("]")) {
        break;
      }
      items.add(term(0));
    }
    expect("]");
    return new Term.ArrayTerm(items, at);
  }

  private Term braces() {
    Location at = expect("{").location();
    if (accept("}")) {
      return new Term.ObjectTerm(List.of(), List.of(), at);
    }
    Term first = term(NO_PIPE);
    if (accept(":")) {
      Term value = term(NO_PIPE);
      if (accept("|")) {
        Body body = body(peek().location(), "}");
        expect("}");
        return new Term.ObjectComprehension(first, value, body, at);
      }
      List<Term> keys = new ArrayList<>(List.of(first));
      List<Term> values = new ArrayList<>(List.of(value));
      while (accept(",")) {
        if (at("}")) {
          break;
        }
        keys.add(term(0));
        expect(":");
        values.add(term(0));
      }
      expect("}");
      return new Term.ObjectTerm(keys, values, at);
    }
    if (accept("|")) {
      Body body = body(peek().location(), "}");
      expect("}");
      return new Term.SetComprehension(first, body, at);
    }
    List<Term> items = new ArrayList<>(List.of(first));
    while (accept(",")) {
      if (at("}")) {
        break;
      }
      items.add(term(0));
    }
    expect("}");
    return new Term.SetTerm(items, at);
  }

  /** One level deeper at {@code at}; past {@link RegoParser#MAX_DEPTH} a located error. */
  private void deeper(Location at) {
    if (++depth > RegoParser.MAX_DEPTH) {
      throw new ParseException(at, "term nested too deeply: more than " + RegoParser.MAX_DEPTH
          + " levels of brackets, parentheses or operators; split it with intermediate variables");
    }
  }

  static Term.Call call(String name, Location at, Term... args) {
    String[] parts = name.split("\\.");
    List<Term> path = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      path.add(new Term.Scalar(StringValue.of(parts[i]), at));
    }
    return new Term.Call(new Term.Ref(new Term.Var(parts[0], at), path, at), List.of(args), at);
  }
}

package io.tripline.rego.parser;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Import;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Package, imports and rules (v1 syntax; v0 syntax in {@link RegoVersion#V0} modules). */
final class ModuleParser extends TermParser {
  private final String file;
  private final Map<Integer, String> comments;
  private final RegoVersion version;
  private boolean v0;
  private boolean regoV1;

  ModuleParser(String file, List<Token> tokens, Map<Integer, String> comments, RegoVersion version) {
    super(tokens);
    this.file = file;
    this.comments = comments;
    this.version = version;
    if (version == RegoVersion.V0) {
      identifierKeywords.addAll(FUTURE_KEYWORDS);
    }
  }

  Module module() {
    String pkgAnnotations = annotationsBefore(peek());
    Location at = expectWord("package").location();
    Term.Ref pkg = dataRef(postfix(), at);
    List<Import> imports = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    v0 = version == RegoVersion.V0;
    while (peek().kind() != Token.Kind.EOF) {
      if (atWord("import")) {
        imports.add(importDecl());
      } else {
        rules.addAll(rule());
      }
    }
    return new Module(file, pkg, imports, rules, pkgAnnotations, at, v0 ? RegoVersion.V0 : RegoVersion.V1);
  }

  /**
   * One import, anywhere after the package clause as OPA's parser accepts it. {@code future.keywords}
   * imports make their keywords keywords from here on in a v0 module; {@code rego.v1} makes the rest
   * of the module v1 syntax.
   */
  private Import importDecl() {
    Location il = next().location();
    Term path = postfix();
    Term.Ref ref = path instanceof Term.Ref r ? r : new Term.Ref(path, List.of(), path.location());
    String alias = null;
    if (atWord("as")) {
      next();
      Token a = next();
      if (a.kind() != Token.Kind.IDENT) {
        throw new ParseException(a.location(), "unexpected " + a.describe() + " token: expected var");
      }
      alias = a.text();
    }
    String head = ref.head().toString();
    if (head.equals("future")) {
      futureImport(ref);
    } else if (head.equals("rego")) {
      regoV1 = true;
      identifierKeywords.clear();
      v0 = false;
    } else if (!head.equals("data") && !head.equals("input")) {
      throw new ParseException(il, "invalid path " + ref.dotted() + ": path must begin with input or data");
    }
    return new Import(ref, alias, il);
  }

  private void futureImport(Term.Ref ref) {
    List<Term> path = ref.path();
    if (path.isEmpty() || !(path.get(0) instanceof Term.Scalar s && s.value().equals(StringValue.of("keywords")))) {
      throw new ParseException(ref.location(), "invalid import, must be `future.keywords`");
    }
    if (path.size() == 1) {
      identifierKeywords.clear();
    } else if (path.size() == 2 && path.get(1) instanceof Term.Scalar k && k.value() instanceof StringValue kw
        && FUTURE_KEYWORDS.contains(kw.value())) {
      identifierKeywords.remove(kw.value());
    } else {
      throw new ParseException(ref.location(), "unexpected keyword, must be one of [contains every if in]");
    }
    // a v1 module importing future.keywords accepts v0 rule forms (p { ... }, p[x] { ... })
    v0 = !regoV1;
  }

  private Term.Ref dataRef(Term t, Location at) {
    List<Term> path = new ArrayList<>();
    Term head = t;
    if (t instanceof Term.Ref r) {
      head = r.head();
      path.addAll(r.path());
    }
    if (!(head instanceof Term.Var v)) {
      throw new ParseException(at, "package name must be a reference");
    }
    path.add(0, new Term.Scalar(StringValue.of(v.name()), v.location()));
    for (Term p : path) {
      if (!(p instanceof Term.Scalar s && s.value() instanceof StringValue)) {
        throw new ParseException(p.location(), "package name must contain only strings");
      }
    }
    return new Term.Ref(new Term.Var("data", at), path, at);
  }

  /**
   * The {@code # METADATA} blocks that belong to the statement starting at {@code t}, attached
   * as OPA does: every block between the previous statement and this one, a block being the
   * {@code METADATA} comment and the comment lines directly after it. The text has one line per
   * source line from the first block's {@code METADATA} line to the line before the statement
   * (comment text without {@code #}; lines outside blocks empty), so each block's line can be
   * counted back from the statement. Null when there is no block.
   */
  private String annotationsBefore(Token t) {
    int line = t.location().line();
    int floor = pos == 0 ? 0 : tokens.get(pos - 1).location().line();
    int first = -1;
    for (int l = floor + 1; l < line; l++) {
      String c = comments.get(l);
      if (c != null && c.trim().equals("METADATA")) {
        first = l;
        break;
      }
    }
    if (first < 0) {
      return null;
    }
    List<String> text = new ArrayList<>();
    boolean inBlock = false;
    for (int l = first; l < line; l++) {
      String c = comments.get(l);
      inBlock = c != null && (inBlock || c.trim().equals("METADATA"));
      text.add(inBlock ? c : "");
    }
    return String.join("\n", text);
  }

  private List<Rule> rule() {
    String annotations = annotationsBefore(peek());
    Location at = peek().location();
    boolean isDefault = false;
    if (atWord("default")) {
      next();
      isDefault = true;
    }
    Term head = postfix();
    List<Term> args = null;
    Term.Ref ref;
    if (head instanceof Term.Call c) {
      // `f() := v` has no arguments: OPA makes it a plain rule (f.a reads into v), not a function
      args = c.args().isEmpty() ? null : c.args();
      ref = c.operator();
    } else if (head instanceof Term.Ref r) {
      ref = r;
    } else if (head instanceof Term.Var v) {
      ref = new Term.Ref(v, List.of(), v.location());
    } else {
      throw new ParseException(head.location(), "invalid rule head");
    }
    if (!(ref.head() instanceof Term.Var)) {
      throw new ParseException(at, "invalid rule head");
    }
    RuleKind kind = args != null ? RuleKind.FUNCTION : RuleKind.SINGLE_VALUE;
    Term key = null;
    Term value = null;
    if (atWord("contains")) {
      next();
      kind = RuleKind.MULTI_VALUE;
      key = term(0);
    } else if (at(":=") || at("=")) {
      next();
      value = term(0);
    }
    if (isDefault) {
      if (value == null) {
        throw new ParseException(at, "default rules must have a value");
      }
      return List.of(new Rule(ref, kind, args == null ? List.of() : args, null, value, trueBody(at), true,
          List.of(), annotations, at));
    }
    Body body = ruleBody(at);
    if (kind == RuleKind.SINGLE_VALUE && value == null && v0 && ref.path().size() == 1 && args == null) {
      // v0: p[x] { ... } is a partial set (a longer ref, a.b[x] { ... }, is a.b[x] := true)
      key = ref.path().get(ref.path().size() - 1);
      ref = new Term.Ref(ref.head(), ref.path().subList(0, ref.path().size() - 1), ref.location());
      kind = RuleKind.MULTI_VALUE;
    }
    if (value == null) {
      value = new Term.Scalar(BooleanValue.TRUE, at);
    }
    List<ElseClause> elses = new ArrayList<>();
    while (atWord("else")) {
      Location el = next().location();
      Term ev = new Term.Scalar(BooleanValue.TRUE, el);
      if (at(":=") || at("=")) {
        next();
        ev = term(0);
      }
      Body eb = ruleBody(el);
      elses.add(new ElseClause(ev, eb == null ? trueBody(el) : eb, el));
    }
    if (body == null) {
      body = trueBody(at);
    }
    List<Rule> out = new ArrayList<>();
    out.add(new Rule(ref, kind, args == null ? List.of() : args, key, value, body, false, elses, annotations, at));
    // v0 allowed several bodies: p { a } { b }
    while (v0 && at("{") && !peek().newlineBefore()) {
      Location bl = next().location();
      Body extra = body(bl, "}");
      expect("}");
      out.add(new Rule(ref, kind, args == null ? List.of() : args, key, value, extra, false, List.of(), null, bl));
    }
    return out;
  }

  /** {@code if { ... }}, {@code if expr}, or (v0) {@code { ... }}; null when there is no body. */
  private Body ruleBody(Location at) {
    if (atWord("if")) {
      next();
      if (at("{")) {
        int save = pos;
        try {
          Location bl = next().location();
          Body b = body(bl, "}");
          expect("}");
          return b;
        } catch (ParseException notABlock) {
          // `if {x: y | ...}`: a single expression that starts with a brace
          pos = save;
          try {
            Literal l = literal();
            return new Body(List.of(l), l.location());
          } catch (ParseException alsoNotAnExpression) {
            throw notABlock;
          }
        }
      }
      Literal l = literal();
      return new Body(List.of(l), l.location());
    }
    if (at("{") && !peek().newlineBefore()) {
      if (!v0) {
        throw new ParseException(peek().location(), "`if` keyword is required before rule body");
      }
      Location bl = next().location();
      Body b = body(bl, "}");
      expect("}");
      return b;
    }
    return null;
  }

  private static Body trueBody(Location at) {
    return new Body(List.of(new Literal(false, new Expr.TermExpr(new Term.Scalar(BooleanValue.TRUE, at)), List.of(), at)), at);
  }
}

package io.tripline.rego.compiler;

import io.tripline.rego.ast.Body;
import io.tripline.rego.ast.ElseClause;
import io.tripline.rego.ast.Import;
import io.tripline.rego.ast.Literal;
import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.RegoVersion;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import io.tripline.rego.builtins.Builtin;
import io.tripline.rego.builtins.BuiltinTable;
import io.tripline.rego.value.StringValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles parsed modules into a rule tree: resolves names, orders bodies for safety, checks
 * rule kinds, defaults, arity and recursion. All errors are collected, then thrown together.
 */
public final class Compiler {
  private final BuiltinTable builtins;
  private final RuleNode root = new RuleNode(List.of());
  private final List<CompileError> errors = new ArrayList<>();

  private Compiler(BuiltinTable builtins) {
    this.builtins = builtins;
  }

  /** Compiles modules; throws {@link CompileException} listing every error. */
  public static RuleNode compile(List<Module> modules, BuiltinTable builtins) {
    Compiler c = new Compiler(builtins);
    c.run(modules);
    return c.root;
  }

  /** Compiles a query against a compiled rule tree. */
  public static CompiledQuery compileQuery(Body query, String text, RuleNode root, BuiltinTable builtins) {
    Compiler c = new Compiler(builtins);
    Resolver resolver = new Resolver(List.of(), Set.of(), Map.of(), c::isBuiltin, c.errors);
    Body resolved = resolver.resolveQuery(query);
    Set<String> bound = new HashSet<>();
    Body ordered = new BodyOrdering(c.errors, call -> arity(call, root, builtins), c::isBuiltin).order(resolved, bound, Set.of());
    c.checkCalls(ordered, root);
    c.throwIfErrors();
    int[] original = new int[ordered.literals().size()];
    for (int i = 0; i < original.length; i++) {
      Location at = findSource(resolved, ordered.literals().get(i)).location();
      original[i] = -1; // an eager binding the compiler added: no expression of the result
      for (int j = 0; j < query.literals().size(); j++) {
        if (query.literals().get(j).location().equals(at)) {
          original[i] = j;
          break;
        }
      }
    }
    List<String> vars = new ArrayList<>();
    for (String v : VarAnalysis.allVars(query)) {
      if (!v.startsWith("$") && !v.equals("input") && !v.equals("data") && !v.contains("$")) {
        vars.add(v);
      }
    }
    return new CompiledQuery(ordered, original, texts(query, text), vars);
  }

  private static Literal findSource(Body resolved, Literal ordered) {
    for (Literal l : resolved.literals()) {
      if (l.location().equals(ordered.location())) {
        return l;
      }
    }
    return ordered;
  }

  private static List<String> texts(Body query, String text) {
    String[] lines = text.split("\n", -1);
    List<Integer> starts = new ArrayList<>();
    for (Literal l : query.literals()) {
      int off = 0;
      for (int i = 0; i < l.location().line() - 1 && i < lines.length; i++) {
        off += lines[i].length() + 1;
      }
      starts.add(Math.min(text.length(), off + l.location().col() - 1));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      String s = text.substring(starts.get(i), Math.max(starts.get(i), end)).trim();
      while (s.endsWith(";")) {
        s = s.substring(0, s.length() - 1).trim();
      }
      out.add(s);
    }
    return out;
  }

  private boolean isBuiltin(String name) {
    return builtins.contains(name) || name.equals("print") || name.equals("internal.template_string");
  }

  static int arity(Term.Call call, RuleNode root, BuiltinTable builtins) {
    Term.Ref op = call.operator();
    if (op.head() instanceof Term.Var v && v.name().equals("data")) {
      RuleNode n = root;
      for (Term p : op.path()) {
        if (n == null || !(p instanceof Term.Scalar s && s.value() instanceof StringValue str)) {
          return -1;
        }
        n = n.child(str.value());
      }
      return n == null ? -1 : n.functionArity();
    }
    Builtin b = builtins.get(op.dotted());
    if (b == null || b.signature().variadic()) {
      return -1;
    }
    return b.signature().arity();
  }

  private void run(List<Module> modules) {
    Map<List<String>, Set<String>> namesByPackage = new HashMap<>();
    for (Module m : modules) {
      Set<String> names = namesByPackage.computeIfAbsent(m.packageSegments(), k -> new HashSet<>());
      for (Rule r : m.rules()) {
        names.add(r.name());
      }
    }
    List<CompiledRule> all = new ArrayList<>();
    for (Module m : modules) {
      Map<String, Term.Ref> imports = imports(m);
      Resolver resolver =
          new Resolver(m.packageSegments(), namesByPackage.get(m.packageSegments()), imports, this::isBuiltin, errors);
      for (Rule r : m.rules()) {
        Rule resolved = resolver.resolveRule(r);
        if (m.regoVersion() == RegoVersion.V1) {
          CallCheck.deprecated(resolved, errors);
        }
        all.add(place(m.packageSegments(), resolved));
      }
    }
    // order bodies once every function is known (arity decides output arguments)
    for (CompiledRule cr : all) {
      nodeFor(cr.path()).add(cr);
    }
    List<CompiledRule> ordered = new ArrayList<>();
    for (CompiledRule cr : all) {
      ordered.add(order(cr));
    }
    clear(root);
    for (CompiledRule cr : ordered) {
      nodeFor(cr.path()).add(cr);
    }
    checkTree(root);
    for (CompiledRule cr : allRules(root, new ArrayList<>())) {
      checkCalls(cr.rule().body(), root);
    }
    new RecursionCheck(root, errors).run();
    throwIfErrors();
    root.buildIndexes();
  }

  private static void clear(RuleNode n) {
    n.clearRules();
    n.children().values().forEach(Compiler::clear);
  }

  private void throwIfErrors() {
    if (!errors.isEmpty()) {
      List<CompileError> sorted = new ArrayList<>(new LinkedHashSet<>(errors));
      sorted.sort(Comparator.comparing((CompileError e) -> e.location().file())
          .thenComparingInt(e -> e.location().line())
          .thenComparingInt(e -> e.location().col()));
      throw new CompileException(sorted);
    }
  }

  private Map<String, Term.Ref> imports(Module m) {
    Map<String, Term.Ref> out = new HashMap<>();
    for (Import i : m.imports()) {
      String head = i.path().head().toString();
      if (head.equals("future") || head.equals("rego")) {
        continue;
      }
      Term.Ref previous = out.putIfAbsent(i.boundName(), i.path());
      if (previous != null) {
        errors.add(new CompileError(i.location(), "rego_compile_error",
            "import must not shadow import " + previous.dotted()));
      }
    }
    return out;
  }

  /** Splits a rule's head into the node path (leading constant strings) and the key suffix. */
  private CompiledRule place(List<String> pkg, Rule r) {
    List<String> path = new ArrayList<>(pkg);
    path.add(r.name());
    List<Term> suffix = new ArrayList<>();
    boolean ground = true;
    for (Term t : r.head().path()) {
      if (ground && t instanceof Term.Scalar s && s.value() instanceof StringValue str) {
        path.add(str.value());
      } else {
        ground = false;
        suffix.add(t);
      }
    }
    if (r.kind() == RuleKind.FUNCTION && !suffix.isEmpty()) {
      errors.add(new CompileError(r.location(), "rego_parse_error", "function heads must be plain references"));
    }
    return new CompiledRule(r, path, suffix);
  }

  private RuleNode nodeFor(List<String> path) {
    RuleNode n = root;
    for (String s : path) {
      n = n.childOrCreate(s);
    }
    return n;
  }

  private CompiledRule order(CompiledRule cr) {
    Rule r = cr.rule();
    BodyOrdering ordering = new BodyOrdering(errors, call -> arity(call, root, builtins), this::isBuiltin);
    Set<String> argVars = new HashSet<>();
    for (Term a : r.args()) {
      argVars.addAll(VarAnalysis.allVars(a));
    }
    Set<String> bound = new HashSet<>(argVars);
    Body body = ordering.order(r.body(), bound, Set.of());
    List<Term> suffix = new ArrayList<>();
    for (Term t : cr.suffix()) {
      suffix.add(ordering.nested(t, bound, Set.of()));
    }
    Term key = r.key() == null ? null : ordering.nested(r.key(), bound, Set.of());
    Term value = ordering.nested(r.value(), bound, Set.of());
    for (Term t : suffix) {
      ordering.checkHead(t, bound);
    }
    if (key != null) {
      ordering.checkHead(key, bound);
    }
    ordering.checkHead(value, bound);
    List<ElseClause> elses = new ArrayList<>();
    for (ElseClause e : r.elses()) {
      Set<String> eb = new HashSet<>(argVars);
      Body b = ordering.order(e.body(), eb, Set.of());
      Term v = ordering.nested(e.value(), eb, Set.of());
      ordering.checkHead(v, eb);
      elses.add(new ElseClause(v, b, e.location()));
    }
    List<Term> headPath = new ArrayList<>(r.head().path());
    Rule out = new Rule(new Term.Ref(r.head().head(), headPath, r.head().location()), r.kind(), r.args(), key, value,
        body, r.isDefault(), elses, r.annotations(), r.location());
    return new CompiledRule(out, cr.path(), suffix);
  }

  private void checkTree(RuleNode n) {
    List<CompiledRule> rules = new ArrayList<>(n.rules());
    rules.addAll(n.defaults());
    if (!rules.isEmpty()) {
      RuleKind kind = rules.get(0).kind();
      boolean plain = rules.get(0).suffix().isEmpty();
      int arity = rules.get(0).rule().args().size();
      for (CompiledRule r : rules) {
        if (r.kind() != kind || (kind == RuleKind.SINGLE_VALUE && r.suffix().isEmpty() != plain)
            || (kind == RuleKind.FUNCTION && r.rule().args().size() != arity)) {
          errors.add(new CompileError(r.rule().location(), "rego_type_error", "conflicting rules " + n.fullName() + " found"));
          break;
        }
      }
      if (n.defaults().size() > 1) {
        errors.add(new CompileError(n.defaults().get(1).rule().location(), "rego_type_error",
            "multiple default rules " + n.fullName() + " found"));
      }
      if (kind == RuleKind.SINGLE_VALUE && plain) {
        for (RuleNode c : n.children().values()) {
          if (c.hasRulesBelow()) {
            CompiledRule first = firstRule(c);
            errors.add(new CompileError(first.rule().location(), "rego_type_error",
                "rule " + first.fullName() + " conflicts with " + n.fullName()));
            break;
          }
        }
      }
    }
    for (RuleNode c : n.children().values()) {
      checkTree(c);
    }
  }

  private static CompiledRule firstRule(RuleNode n) {
    if (!n.rules().isEmpty()) {
      return n.rules().get(0);
    }
    if (n.defaultRule() != null) {
      return n.defaultRule();
    }
    for (RuleNode c : n.children().values()) {
      CompiledRule r = firstRule(c);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  static List<CompiledRule> allRules(RuleNode n, List<CompiledRule> out) {
    out.addAll(n.rules());
    out.addAll(n.defaults());
    for (RuleNode c : n.children().values()) {
      allRules(c, out);
    }
    return out;
  }

  /** Arity of every call in a body (builtins and user functions). */
  private void checkCalls(Body body, RuleNode tree) {
    new CallCheck(tree, builtins, errors).body(body);
  }
}

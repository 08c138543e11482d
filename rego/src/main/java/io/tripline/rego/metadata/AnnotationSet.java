package io.tripline.rego.metadata;

import io.tripline.rego.ast.Location;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.Term;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code # METADATA} block of a set of modules, indexed by scope as OPA's
 * {@code AnnotationSet}: rule scope per rule definition, document scope per rule path, package
 * and subpackages scope per package path. {@link #rules()} lists every rule definition with
 * its chain: rule, document, package, then subpackages from the nearest package to the root.
 */
public final class AnnotationSet {
  public static final AnnotationSet EMPTY = new AnnotationSet(List.of(), List.of());

  private final List<RuleAnnotations> rules;
  private final Map<Location, RuleAnnotations> byLocation = new HashMap<>();
  private final List<AnnotationError> errors;

  private AnnotationSet(List<RuleAnnotations> rules, List<AnnotationError> errors) {
    this.rules = List.copyOf(rules);
    this.errors = List.copyOf(errors);
    for (RuleAnnotations r : rules) {
      byLocation.putIfAbsent(r.location(), r);
    }
  }

  /** Parses the blocks of all modules; invalid blocks are listed in {@link #errors()}. */
  public static AnnotationSet of(List<Module> modules) {
    List<AnnotationError> errors = new ArrayList<>();
    Map<Rule, Annotations> ruleScope = new java.util.IdentityHashMap<>();
    Map<List<String>, Annotations> documentScope = new HashMap<>();
    Map<List<String>, Annotations> packageScope = new HashMap<>();
    Map<List<String>, Annotations> subpackagesScope = new HashMap<>();
    for (Module m : modules) {
      List<String> pkg = m.packageSegments();
      for (Annotations pa : parse(m.annotations(), m.location(), AnnotationParser.Target.PACKAGE, errors)) {
        (pa.scope() == Scope.SUBPACKAGES ? subpackagesScope : packageScope).putIfAbsent(pkg, pa);
      }
      for (Rule r : m.rules()) {
        for (Annotations ra : parse(r.annotations(), r.location(), AnnotationParser.Target.RULE, errors)) {
          if (ra.scope() == Scope.DOCUMENT) {
            documentScope.putIfAbsent(path(pkg, r), ra);
          } else {
            ruleScope.putIfAbsent(r, ra);
          }
        }
      }
    }
    List<RuleAnnotations> rules = new ArrayList<>();
    for (Module m : modules) {
      List<String> pkg = m.packageSegments();
      for (Rule r : m.rules()) {
        List<String> path = path(pkg, r);
        List<AnnotationsRef> chain = new ArrayList<>();
        Annotations own = ruleScope.get(r);
        chain.add(new AnnotationsRef(path, own == null ? r.location() : own.location(), own));
        add(chain, path, documentScope.get(path));
        add(chain, pkg, packageScope.get(pkg));
        for (int n = pkg.size(); n >= 1; n--) {
          List<String> prefix = pkg.subList(0, n);
          add(chain, prefix, subpackagesScope.get(prefix));
        }
        rules.add(new RuleAnnotations(pkg, r.name(), path, r.location(), List.copyOf(chain), mergedCustom(chain)));
      }
    }
    return new AnnotationSet(rules, errors);
  }

  /** Every rule definition, in module and source order. */
  public List<RuleAnnotations> rules() {
    return rules;
  }

  /** Invalid blocks, as OPA's parser reports them. */
  public List<AnnotationError> errors() {
    return errors;
  }

  /** The rule defined at this location (a rule's head), or null. */
  public RuleAnnotations at(Location ruleLocation) {
    return byLocation.get(ruleLocation);
  }

  /** The rule definitions whose path is {@code data.<dotted>} (several when a rule has several definitions). */
  public List<RuleAnnotations> byPath(String dotted) {
    String name = dotted.startsWith("data.") ? dotted : "data." + dotted;
    return rules.stream().filter(r -> r.fullName().equals(name)).toList();
  }

  private static void add(List<AnnotationsRef> chain, List<String> path, Annotations a) {
    if (a != null) {
      chain.add(new AnnotationsRef(List.copyOf(path), a.location(), a));
    }
  }

  /** The rule's path under data: package, name, and leading constant keys of a ref head. */
  private static List<String> path(List<String> pkg, Rule r) {
    List<String> out = new ArrayList<>(pkg);
    out.add(r.name());
    for (Term t : r.head().path()) {
      if (!(t instanceof Term.Scalar s && s.value() instanceof StringValue sv)) {
        break;
      }
      out.add(sv.value());
    }
    return List.copyOf(out);
  }

  private static ObjectValue mergedCustom(List<AnnotationsRef> chain) {
    Map<Value, Value> merged = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Annotations a = chain.get(i).annotations();
      if (a != null) {
        for (Map.Entry<Value, Value> e : a.custom().entries()) {
          merged.put(e.getKey(), e.getValue());
        }
      }
    }
    return ObjectValue.of(merged);
  }

  /**
   * The blocks above one statement. The AST keeps them as one text with a line per source line,
   * from the first {@code METADATA} line to the line before the statement; each block runs from
   * its {@code METADATA} line to the next one.
   */
  private static List<Annotations> parse(String text, Location statement, AnnotationParser.Target target,
      List<AnnotationError> errors) {
    if (text == null) {
      return List.of();
    }
    String[] lines = text.split("\n", -1);
    int firstLine = Math.max(1, statement.line() - lines.length);
    List<Annotations> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].trim().equals("METADATA")) {
        continue;
      }
      int end = i + 1;
      while (end < lines.length && !lines[end].trim().equals("METADATA")) {
        end++;
      }
      String block = String.join("\n", java.util.Arrays.asList(lines).subList(i, end));
      Location at = new Location(statement.file(), firstLine + i, 1);
      try {
        out.add(AnnotationParser.parse(block, at, target));
      } catch (AnnotationException e) {
        errors.add(e.error());
      }
    }
    return out;
  }
}

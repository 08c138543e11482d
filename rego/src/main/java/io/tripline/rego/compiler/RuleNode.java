package io.tripline.rego.compiler;

import io.tripline.rego.ast.RuleKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of the rule tree: a path under {@code data}, the rules defined exactly there, and
 * child nodes. Rules are kept in source order; rule indexing (issue 4) can attach per-node
 * indexes here without changing callers.
 */
public final class RuleNode {
  private final List<String> path;
  private final Map<String, RuleNode> children = new TreeMap<>();
  private final List<CompiledRule> rules = new ArrayList<>();
  private final List<CompiledRule> defaults = new ArrayList<>();
  private RuleIndex index;
  private RuleIndex fastIndex;
  private String fullName;

  RuleNode(List<String> path) {
    this.path = List.copyOf(path);
  }

  public List<String> path() {
    return path;
  }

  public String fullName() {
    String n = fullName;
    if (n == null) {
      n = path.isEmpty() ? "data" : "data." + String.join(".", path);
      fullName = n;
    }
    return n;
  }

  public RuleNode child(String key) {
    return children.get(key);
  }

  public Map<String, RuleNode> children() {
    return Collections.unmodifiableMap(children);
  }

  RuleNode childOrCreate(String key) {
    return children.computeIfAbsent(key, k -> {
      List<String> p = new ArrayList<>(path);
      p.add(k);
      return new RuleNode(p);
    });
  }

  /** Non-default rules defined at this node. */
  public List<CompiledRule> rules() {
    return Collections.unmodifiableList(rules);
  }

  /**
   * The index of {@link #rules()} by the input conditions OPA's index reads, or null when none is
   * indexable: used when a tracer watches, so traces and coverage match OPA's.
   */
  public RuleIndex index() {
    return index;
  }

  /**
   * The index of {@link #rules()} by every input condition their bodies imply, also inside called
   * functions and constant collections and by fields that must be defined; null when none is.
   * Used whenever nothing watches the evaluation: it only skips rules that cannot hold.
   */
  public RuleIndex fastIndex() {
    return fastIndex;
  }

  /** Builds the rule indexes of this node and every node below it, once the tree is complete. */
  void buildIndexes() {
    buildIndexes(this::find);
  }

  private void buildIndexes(java.util.function.Function<String, RuleNode> nodes) {
    index = rules.isEmpty() ? null : RuleIndex.build(rules, null);
    fastIndex = rules.isEmpty() ? null : RuleIndex.build(rules, nodes);
    children.values().forEach(c -> c.buildIndexes(nodes));
  }

  /** The node at a full name below this (root) node, {@code data.a.b}; null when there is none. */
  public RuleNode find(String fullName) {
    if (!fullName.startsWith("data.")) {
      return fullName.equals("data") ? this : null;
    }
    RuleNode n = this;
    int from = 5;
    while (n != null && from <= fullName.length()) {
      int dot = fullName.indexOf('.', from);
      int end = dot < 0 ? fullName.length() : dot;
      n = n.child(fullName.substring(from, end));
      from = end + 1;
    }
    return n;
  }

  /** The default rule, or null. */
  public CompiledRule defaultRule() {
    return defaults.isEmpty() ? null : defaults.get(0);
  }

  List<CompiledRule> defaults() {
    return defaults;
  }

  void clearRules() {
    index = null;
    fastIndex = null;
    rules.clear();
    defaults.clear();
  }

  void add(CompiledRule r) {
    if (r.rule().isDefault()) {
      defaults.add(r);
    } else {
      rules.add(r);
    }
  }

  public boolean hasRules() {
    return !rules.isEmpty() || !defaults.isEmpty();
  }

  /** The kind of the rules here (null when there are none). */
  public RuleKind kind() {
    if (!rules.isEmpty()) {
      return rules.get(0).kind();
    }
    return defaults.isEmpty() ? null : defaults.get(0).kind();
  }

  public boolean isFunction() {
    return kind() == RuleKind.FUNCTION;
  }

  /** Number of arguments of the functions defined here, or -1. */
  public int functionArity() {
    if (!isFunction()) {
      return -1;
    }
    CompiledRule r = rules.isEmpty() ? defaults.get(0) : rules.get(0);
    return r.rule().args().size();
  }

  /** Whether this node or any descendant defines rules. */
  public boolean hasRulesBelow() {
    if (hasRules()) {
      return true;
    }
    for (RuleNode c : children.values()) {
      if (c.hasRulesBelow()) {
        return true;
      }
    }
    return false;
  }
}

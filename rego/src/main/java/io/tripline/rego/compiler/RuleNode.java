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

  RuleNode(List<String> path) {
    this.path = List.copyOf(path);
  }

  public List<String> path() {
    return path;
  }

  public String fullName() {
    return path.isEmpty() ? "data" : "data." + String.join(".", path);
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

  /** The index of {@link #rules()} by their input conditions, or null when none is indexable. */
  public RuleIndex index() {
    return index;
  }

  /** Builds the rule indexes of this node and every node below it, once the tree is complete. */
  void buildIndexes() {
    index = rules.isEmpty() ? null : RuleIndex.build(rules);
    children.values().forEach(RuleNode::buildIndexes);
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

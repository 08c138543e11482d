package io.tripline.rego.compiler;

import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.builtins.Navigation;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An index over a list of rules by the {@link IndexCondition}s on input fields their bodies
 * carry, as OPA indexes equality on {@code input} refs: given an input, which rules can hold.
 * A rule without indexable conditions (or with {@code else} clauses, or a function) is always a
 * candidate, so skipping the others never changes a result. Immutable once built; lookups
 * allocate one small bit set and read only the paths some still-possible rule tests.
 */
public final class RuleIndex {
  private final int size;
  private final PathIndex[] paths;

  private RuleIndex(int size, List<PathIndex> paths) {
    this.size = size;
    this.paths = paths.toArray(PathIndex[]::new);
  }

  /**
   * One indexed input path: for each constant, the rules it lets through; the rules that need
   * the field defined and not false; and the rules that do not test the path.
   */
  private record PathIndex(List<Value> path, Value[] steps, Map<Value, long[]> byValue, long[] defined, long[] unconstrained) {
    PathIndex(List<Value> path, Map<Value, long[]> byValue, long[] defined, long[] unconstrained) {
      this(path, path.toArray(Value[]::new), byValue, defined, unconstrained);
    }
  }

  /**
   * The index of rules (in this order), or null when no rule has an indexable condition.
   * {@code nodes} finds the rule node of a full name ({@code data.a.f}), so conditions inside
   * called functions and constant collections count; null reads each body alone.
   */
  public static RuleIndex build(List<CompiledRule> rules, Function<String, RuleNode> nodes) {
    int words = words(rules.size());
    Map<List<Value>, PathBuilder> byPath = new LinkedHashMap<>();
    List<List<IndexCondition>> conditions = new ArrayList<>();
    for (CompiledRule r : rules) {
      List<IndexCondition> cs = indexable(r) ? IndexCondition.of(r.rule(), nodes) : List.of();
      conditions.add(cs);
      for (IndexCondition c : cs) {
        byPath.computeIfAbsent(c.path(), p -> new PathBuilder(words));
      }
    }
    if (byPath.isEmpty()) {
      return null;
    }
    for (int i = 0; i < rules.size(); i++) {
      Map<List<Value>, IndexCondition> mine = new HashMap<>();
      for (IndexCondition c : conditions.get(i)) {
        mine.put(c.path(), c);
      }
      for (Map.Entry<List<Value>, PathBuilder> e : byPath.entrySet()) {
        IndexCondition c = mine.get(e.getKey());
        if (c == null) {
          set(e.getValue().unconstrained, i);
        } else if (c.definedOnly()) {
          set(e.getValue().defined, i);
        } else {
          Set<Value> allowed = c.values();
          for (Value v : allowed) {
            set(e.getValue().byValue.computeIfAbsent(v, k -> new long[words]), i);
          }
        }
      }
    }
    List<PathIndex> paths = new ArrayList<>();
    // A HashMap, not Map.copyOf: its lookups compare hashes before values (the immutable map's
    // probing calls equals on every key it passes, a string comparison per step).
    byPath.forEach((p, b) -> paths.add(new PathIndex(p, new HashMap<>(b.byValue), b.defined, b.unconstrained)));
    // The paths most rules test first: they rule out the most, so later paths that no remaining
    // rule tests are skipped without reading the field.
    paths.sort(Comparator.comparingInt((PathIndex p) -> -constrained(p.unconstrained(), rules.size())));
    return new RuleIndex(rules.size(), List.copyOf(paths));
  }

  private static boolean indexable(CompiledRule r) {
    return r.kind() != RuleKind.FUNCTION && r.rule().elses().isEmpty() && !r.rule().isDefault();
  }

  private static final class PathBuilder {
    final Map<Value, long[]> byValue = new HashMap<>();
    final long[] defined;
    final long[] unconstrained;

    PathBuilder(int words) {
      defined = new long[words];
      unconstrained = new long[words];
    }
  }

  /** How many rules the index covers. */
  public int size() {
    return size;
  }

  /** The input paths the index reads, e.g. {@code [eventSource]}, {@code [userIdentity, type]}. */
  public List<List<Value>> paths() {
    return Arrays.stream(paths).map(PathIndex::path).toList();
  }

  /** The positions of the rules that may hold for this input (null input: undefined), as a bit set. */
  public long[] candidates(Value input) {
    long[] out = new long[words(size)];
    for (int i = 0; i < size; i++) {
      set(out, i);
    }
    for (PathIndex p : paths) {
      long[] free = p.unconstrained();
      boolean tested = false;
      for (int w = 0; w < out.length && !tested; w++) {
        tested = (out[w] & ~free[w]) != 0;
      }
      if (!tested) {
        continue; // no rule still in the running tests this path: the field need not be read
      }
      Value v = at(input, p.steps());
      long[] match = v == null ? null : p.byValue().get(v);
      long[] defined = v == null || v == BooleanValue.FALSE ? null : p.defined();
      boolean any = false;
      for (int w = 0; w < out.length; w++) {
        out[w] &= free[w] | (match == null ? 0 : match[w]) | (defined == null ? 0 : defined[w]);
        any |= out[w] != 0;
      }
      if (!any) {
        break;
      }
    }
    return out;
  }

  /** The rules (a sublist of {@code rules}, the list the index was built from) that may hold for this input. */
  public List<CompiledRule> matching(List<CompiledRule> rules, Value input) {
    long[] c = candidates(input);
    int n = 0;
    for (long w : c) {
      n += Long.bitCount(w);
    }
    if (n == rules.size()) {
      return rules;
    }
    List<CompiledRule> out = new ArrayList<>(n);
    for (int i = 0; i < rules.size(); i++) {
      if (isSet(c, i)) {
        out.add(rules.get(i));
      }
    }
    return out;
  }

  private static Value at(Value input, Value[] path) {
    Value cur = input;
    for (int i = 0; i < path.length && cur != null; i++) {
      cur = Navigation.child(cur, path[i]);
    }
    return cur;
  }

  private static int constrained(long[] unconstrained, int n) {
    int free = 0;
    for (long w : unconstrained) {
      free += Long.bitCount(w);
    }
    return n - free;
  }

  static int words(int n) {
    return Math.max(1, (n + 63) >>> 6);
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << (i & 63);
  }

  public static boolean isSet(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }
}

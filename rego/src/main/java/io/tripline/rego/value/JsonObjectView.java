package io.tripline.rego.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A JSON object whose members are converted to values only when read: evaluating a rule over a
 * CloudTrail record touches a handful of fields, so the rest is never converted. Creating a view
 * costs nothing (members are found through the Jackson node's own hash map). Members read are
 * remembered (a record's eventName is read by the rule index, by many rules and by the correlator:
 * converted once, found in a short array that is hot in the cache). The view's only mutable state
 * is that memo and its sorted keys, both published as immutable snapshots, so a view can be shared
 * across threads: a race can only lose a memo entry, never return a wrong one.
 */
final class JsonObjectView extends ObjectValue {
  private final JsonNode node;
  /** One more member laid over the node's (replacing a member of that name), or null. */
  private final String extraKey;
  private final Value extra;
  private volatile List<Value> sortedKeys;
  private volatile JsonNode merged;
  private Memo memo = Memo.EMPTY;

  /** Members already read: an immutable snapshot, replaced (copied with one more entry) on a miss. */
  private static final class Memo {
    static final Memo EMPTY = new Memo(new int[0], new String[0], new Value[0]);
    /** How many members a view remembers; records are read through a few dozen paths at most. */
    static final int LIMIT = 32;
    /** Stands for a member that is absent. */
    static final Value ABSENT = StringValue.of("\u0000absent");

    final int[] hashes;
    final String[] names;
    final Value[] values;

    Memo(int[] hashes, String[] names, Value[] values) {
      this.hashes = hashes;
      this.names = names;
      this.values = values;
    }

    Value find(String name) {
      int h = name.hashCode();
      int[] hs = hashes;
      for (int i = 0; i < hs.length; i++) {
        if (hs[i] == h) {
          String k = names[i];
          if (k == name || k.equals(name)) {
            return values[i];
          }
        }
      }
      return null;
    }

    Memo with(String name, Value value) {
      int len = names.length;
      if (len >= LIMIT) {
        return this;
      }
      int[] h = Arrays.copyOf(hashes, len + 1);
      h[len] = name.hashCode();
      String[] n = Arrays.copyOf(names, len + 1);
      Value[] v = Arrays.copyOf(values, len + 1);
      n[len] = name;
      v[len] = value;
      return new Memo(h, n, v);
    }
  }

  JsonObjectView(JsonNode node) {
    this(node, null, null);
  }

  JsonObjectView(JsonNode node, String extraKey, Value extra) {
    this.node = node;
    this.extraKey = extraKey;
    this.extra = extra;
  }

  @Override
  public Value get(Value key) {
    if (!(key instanceof StringValue s)) {
      return null;
    }
    String name = s.value();
    if (extraKey != null && extraKey.equals(name)) {
      return extra;
    }
    Memo m = memo;
    Value known = m.find(name);
    if (known != null) {
      return known == Memo.ABSENT ? null : known;
    }
    JsonNode child = node.get(name);
    Value v = child == null ? null : ValueJson.fromNode(child);
    memo = m.with(name, v == null ? Memo.ABSENT : v);
    return v;
  }

  @Override
  public int size() {
    return extraKey == null || node.has(extraKey) ? node.size() : node.size() + 1;
  }

  @Override
  public List<Value> keys() {
    List<Value> k = sortedKeys;
    if (k == null) {
      List<Value> list = new ArrayList<>(node.size() + 1);
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals(extraKey)) {
          list.add(StringValue.of(name));
        }
      }
      if (extraKey != null) {
        list.add(StringValue.of(extraKey));
      }
      list.sort(ValueOrder.INSTANCE);
      k = Collections.unmodifiableList(list);
      sortedKeys = k;
    }
    return k;
  }

  /** The node viewed, with the extra member when there is one (a copy: the node is never changed). */
  JsonNode node() {
    if (extraKey == null) {
      return node;
    }
    JsonNode m = merged;
    if (m == null) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.setAll((ObjectNode) node);
      copy.set(extraKey, ValueJson.toNode(extra));
      m = copy;
      merged = m;
    }
    return m;
  }
}

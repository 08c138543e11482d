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
 * is that memo (slots holding immutable entries) and its sorted keys (an immutable snapshot), so a
 * view can be shared across threads: a race can only lose a memo entry, never return a wrong one.
 */
final class JsonObjectView extends ObjectValue {
  private final JsonNode node;
  /** One more member laid over the node's (replacing a member of that name), or null. */
  private final String extraKey;
  private final Value extra;
  private volatile List<Value> sortedKeys;
  private volatile JsonNode merged;
  /**
   * Members already read, in the order read: slots filled in place, never changed once set. A
   * view is normally read by one thread at a time; if two race, one may overwrite the other's new
   * slot or leave a slot empty: a lost memo entry, read again from the node, never a wrong one
   * (a slot holds an immutable entry or null).
   */
  private Remembered[] memo;
  private int remembered;

  /** One member read: its name (with its hash) and value ({@link #ABSENT} when the node has none). */
  private record Remembered(int hash, String name, Value value) {}

  /** How many members a view remembers; records are read through a few dozen paths at most. */
  private static final int LIMIT = 32;
  /** Stands for a member that is absent. */
  private static final Value ABSENT = StringValue.of("\u0000absent");

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
    int h = name.hashCode();
    Remembered[] m = memo;
    if (m != null) {
      for (Remembered r : m) {
        if (r != null && r.hash == h && (r.name == name || r.name.equals(name))) {
          return r.value == ABSENT ? null : r.value;
        }
      }
    }
    JsonNode child = node.get(name);
    Value v = child == null ? null : ValueJson.fromNode(child);
    remember(m, new Remembered(h, name, v == null ? ABSENT : v));
    return v;
  }

  private void remember(Remembered[] m, Remembered r) {
    int n = remembered;
    if (n >= LIMIT) {
      return;
    }
    if (m == null || n >= m.length) {
      m = m == null ? new Remembered[8] : Arrays.copyOf(m, Math.min(LIMIT, m.length * 2));
      memo = m;
    }
    if (n < m.length) {
      m[n] = r;
      remembered = n + 1;
    }
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

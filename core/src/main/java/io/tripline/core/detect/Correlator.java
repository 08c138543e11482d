package io.tripline.core.detect;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Correlation windows. Matching records wait in a time-ordered queue until records
 * {@code tolerance} newer have arrived (CloudTrail files overlap), then join their rule's group;
 * a group keeps only the records within the rule's window of its newest one, so memory is bounded
 * by active groups, not by log size. When a group holds at least {@code threshold} records the
 * rule's {@code alert} runs on the batch; after an alert the group stays quiet until no matching
 * record arrived for a whole window (one burst, one finding). {@code new_value} rules alert on
 * every new value (a value, once seen, is never new again) and remember values in the history.
 */
final class Correlator {
  private static final Comparator<Matched> ORDER = Comparator.comparing(Matched::time).thenComparingLong(Matched::index);

  /** A record that matched a correlation rule. */
  record Matched(RuleInfo rule, long index, Instant time, Value input, CloudTrailRecord record) {}

  private static final class Group {
    final List<Matched> entries = new ArrayList<>();
    final Map<String, Value> key;
    /** The key as JSON text: the group's name in the history and its state file. */
    final String keyText;
    /** This group's values per new_value field (null for other kinds), shared with the history. */
    final Map<String, TreeSet<Value>> seen;
    Instant last = Instant.MIN;
    boolean firing;

    Group(Map<String, Value> key, String keyText, Map<String, TreeSet<Value>> seen) {
      this.key = key;
      this.keyText = keyText;
      this.seen = seen;
    }
  }

  private final RecordEvaluator evaluator;
  private final CorrelationHistory history;
  private final Duration tolerance;
  private final Consumer<Finding> sink;
  private final Consumer<String> errors;
  private final boolean historyOnly;
  private final PendingQueue pending = new PendingQueue();
  private final Map<RuleInfo, Map<List<Value>, Group>> groups = new HashMap<>();
  private Instant newest = Instant.MIN;
  private long processed;

  Correlator(RecordEvaluator evaluator, CorrelationHistory history, Duration tolerance, Consumer<Finding> sink,
      Consumer<String> errors, boolean historyOnly) {
    this.evaluator = evaluator;
    this.history = history;
    this.tolerance = tolerance;
    this.sink = sink;
    this.errors = errors;
    this.historyOnly = historyOnly;
  }

  void offer(Matched m) throws DetectionException {
    pending.add(m);
    advance(m.time());
  }

  /** Notes the time of any record of the stream (matching or not): the queue releases what is old enough. */
  void advance(Instant time) throws DetectionException {
    if (time.isAfter(newest)) {
      newest = time;
      if (!pending.isEmpty()) {
        drain(newest.minus(tolerance));
      }
    }
  }

  void finish() throws DetectionException {
    drain(Instant.MAX);
  }

  /** Groups with records in their window (for tests of bounded memory). */
  int activeGroups() {
    return groups.values().stream().mapToInt(Map::size).sum();
  }

  private void drain(Instant upTo) throws DetectionException {
    while (!pending.isEmpty() && !pending.peek().time().isAfter(upTo)) {
      process(pending.poll());
    }
  }

  private void process(Matched m) throws DetectionException {
    RuleInfo rule = m.rule();
    boolean newValue = rule.kind() == RuleKind.NEW_VALUE;
    List<Value> keyValues = groupKey(rule, m.input());
    Map<List<Value>, Group> ruleGroups = groups.computeIfAbsent(rule, k -> new HashMap<>());
    Group g = ruleGroups.get(keyValues);
    if (g == null) {
      Map<String, Value> key = new LinkedHashMap<>();
      for (int i = 0; i < rule.groupBy().size(); i++) {
        key.put(rule.groupBy().get(i), keyValues.get(i));
      }
      String keyText = ValueJson.write(ObjectValue.of(toValueKeys(key)));
      g = new Group(key, keyText, newValue ? history.fields(rule, keyText) : null);
      ruleGroups.put(keyValues, g);
    }
    Instant cutoff = m.time().minus(rule.window());
    g.entries.removeIf(e -> e.time().isBefore(cutoff));
    if (g.firing && Duration.between(g.last, m.time()).compareTo(rule.window()) > 0) {
      g.firing = false;
    }
    if (m.time().isAfter(g.last)) {
      g.last = m.time();
    }
    int at = insertionPoint(g.entries, m);
    g.entries.add(at, m);
    Value[] values = newValue ? newValues(rule, m.input()) : null;
    // A new_value rule can only fire on a record with a value its group has not had.
    boolean worthIt = newValue ? novel(rule, g, values) : !g.firing;
    if (!historyOnly && worthIt && g.entries.size() >= rule.threshold()) {
      evaluate(rule, g, m);
    }
    if (newValue) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          g.seen.computeIfAbsent(rule.newValue().get(i), k -> CorrelationHistory.newValueSet()).add(values[i]);
        }
      }
    }
    if (++processed % 4096 == 0) {
      sweep(m.time());
    }
  }

  private static Value[] newValues(RuleInfo rule, Value input) {
    List<String> fields = rule.newValue();
    Value[] out = new Value[fields.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = path(input, fields.get(i));
    }
    return out;
  }

  private static boolean novel(RuleInfo rule, Group g, Value[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        TreeSet<Value> seen = g.seen.get(rule.newValue().get(i));
        if (seen == null || !seen.contains(values[i])) {
          return true;
        }
      }
    }
    return false;
  }

  private void evaluate(RuleInfo rule, Group g, Matched newest) throws DetectionException {
    List<Value> records = new ArrayList<>(g.entries.size());
    for (Matched e : g.entries) {
      records.add(e.input());
    }
    Instant start = g.entries.get(0).time();
    Instant end = g.entries.get(g.entries.size() - 1).time();
    ObjectValue.Builder batch = ObjectValue.builder()
        .put("records", ArrayValue.of(records))
        .put("group", ObjectValue.of(toValueKeys(g.key)))
        .put("window", ObjectValue.builder()
            .put("start", StringValue.of(start.toString()))
            .put("end", StringValue.of(end.toString()))
            .put("duration", StringValue.of(goDuration(rule.window())))
            .build());
    if (rule.kind() == RuleKind.NEW_VALUE) {
      ObjectValue.Builder h = ObjectValue.builder();
      history.seen(rule, g.keyText).forEach((field, values) -> h.put(field, values));
      batch.put("history", h.build());
    }
    RecordEvaluator.BatchVerdict verdict = evaluator.alerts(rule, batch.build());
    if (verdict.error() != null) {
      errors.accept("rule " + rule.id() + " failed on the batch ending with record " + newest.record().eventID() + ": " + verdict.error());
      return;
    }
    if (verdict.alerts().isEmpty()) {
      return;
    }
    if (rule.kind() != RuleKind.NEW_VALUE) {
      g.firing = true;
    }
    Map<String, String> groupText = new LinkedHashMap<>();
    g.key.forEach((k, v) -> groupText.put(k, v instanceof StringValue s ? s.value() : v instanceof NullValue ? null : ValueJson.write(v)));
    for (Value alert : verdict.alerts()) {
      List<String> ids = alertEventIds(alert);
      if (ids.isEmpty()) {
        for (Matched e : g.entries) {
          ids.add(e.record().eventID());
        }
      }
      sink.accept(Findings.of(rule, alert, newest.index(), newest.record(),
          new Finding.Correlation(groupText, start, end, List.copyOf(ids))));
    }
  }

  private static List<String> alertEventIds(Value alert) {
    List<String> ids = new ArrayList<>();
    if (alert instanceof ObjectValue o && o.get("eventIDs") instanceof ArrayValue a) {
      for (Value v : a.asList()) {
        if (v instanceof StringValue s) {
          ids.add(s.value());
        }
      }
    }
    return ids;
  }

  /** Drops groups whose newest record left the window (and that are not in a firing episode). */
  private void sweep(Instant now) {
    for (Map.Entry<RuleInfo, Map<List<Value>, Group>> e : groups.entrySet()) {
      Instant cutoff = now.minus(e.getKey().window()).minus(tolerance);
      for (Iterator<Group> it = e.getValue().values().iterator(); it.hasNext(); ) {
        if (it.next().last.isBefore(cutoff)) {
          it.remove();
        }
      }
    }
  }

  private static int insertionPoint(List<Matched> entries, Matched m) {
    int i = entries.size();
    while (i > 0 && ORDER.compare(entries.get(i - 1), m) > 0) {
      i--;
    }
    return i;
  }

  /** The record's values of the rule's group_by fields, in order (null where absent). */
  private static List<Value> groupKey(RuleInfo rule, Value input) {
    List<String> fields = rule.groupBy();
    Value[] key = new Value[fields.size()];
    for (int i = 0; i < key.length; i++) {
      Value v = path(input, fields.get(i));
      key[i] = v == null ? NullValue.NULL : v;
    }
    return Arrays.asList(key);
  }

  /**
   * The records waiting for the reorder tolerance, oldest first. CloudTrail is mostly in time
   * order, so records that arrive in order queue in a deque (constant time); only a record older
   * than the newest queued one goes to a heap, and polling takes the older of the two heads.
   */
  private static final class PendingQueue {
    private final ArrayDeque<Matched> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Matched> late = new PriorityQueue<>(ORDER);

    void add(Matched m) {
      if (inOrder.isEmpty() || ORDER.compare(inOrder.peekLast(), m) <= 0) {
        inOrder.addLast(m);
      } else {
        late.add(m);
      }
    }

    boolean isEmpty() {
      return inOrder.isEmpty() && late.isEmpty();
    }

    Matched peek() {
      Matched a = inOrder.peekFirst();
      Matched b = late.peek();
      return a == null ? b : b == null ? a : ORDER.compare(a, b) <= 0 ? a : b;
    }

    Matched poll() {
      Matched head = peek();
      if (head == inOrder.peekFirst()) {
        inOrder.pollFirst();
      } else {
        late.poll();
      }
      return head;
    }
  }

  private static Map<Value, Value> toValueKeys(Map<String, Value> key) {
    Map<Value, Value> out = new LinkedHashMap<>();
    key.forEach((k, v) -> out.put(StringValue.of(k), v));
    return out;
  }

  /** Dotted paths of group_by and new_value fields, split once. */
  private static final ConcurrentHashMap<String, StringValue[]> PARTS = new ConcurrentHashMap<>();

  /** The value at a dotted path ({@code userIdentity.arn}), or null. */
  static Value path(Value input, String dotted) {
    Value v = input;
    StringValue[] parts = PARTS.computeIfAbsent(dotted, d -> Arrays.stream(d.split("\\.")).map(StringValue::of).toArray(StringValue[]::new));
    for (StringValue part : parts) {
      if (!(v instanceof ObjectValue o)) {
        return null;
      }
      v = o.get(part);
      if (v == null) {
        return null;
      }
    }
    return v;
  }

  static String goDuration(Duration d) {
    long s = d.toSeconds();
    StringBuilder b = new StringBuilder();
    if (s >= 3600) {
      b.append(s / 3600).append('h');
      s %= 3600;
    }
    if (s >= 60) {
      b.append(s / 60).append('m');
      s %= 60;
    }
    if (s > 0 || b.length() == 0) {
      b.append(s).append('s');
    }
    return b.toString();
  }
}

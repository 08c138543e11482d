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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
    Instant last = Instant.MIN;
    boolean firing;

    Group(Map<String, Value> key) {
      this.key = key;
    }
  }

  private final RecordEvaluator evaluator;
  private final CorrelationHistory history;
  private final Duration tolerance;
  private final Consumer<Finding> sink;
  private final Consumer<String> errors;
  private final boolean historyOnly;
  private final PriorityQueue<Matched> pending = new PriorityQueue<>(ORDER);
  private final Map<RuleInfo, Map<String, Group>> groups = new HashMap<>();
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
    Map<String, Value> key = groupKey(rule, m.input());
    String keyText = ValueJson.write(ObjectValue.of(toValueKeys(key)));
    Map<String, Group> ruleGroups = groups.computeIfAbsent(rule, k -> new HashMap<>());
    Group g = ruleGroups.computeIfAbsent(keyText, k -> new Group(key));
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
    boolean newValue = rule.kind() == RuleKind.NEW_VALUE;
    // A new_value rule can only fire on a record with a value its group has not had.
    boolean worthIt = newValue ? novel(rule, keyText, m.input()) : !g.firing;
    if (!historyOnly && worthIt && g.entries.size() >= rule.threshold()) {
      evaluate(rule, g, keyText, m);
    }
    if (newValue) {
      for (String field : rule.newValue()) {
        Value v = path(m.input(), field);
        if (v != null) {
          history.add(rule, keyText, field, v);
        }
      }
    }
    if (++processed % 4096 == 0) {
      sweep(m.time());
    }
  }

  private boolean novel(RuleInfo rule, String keyText, Value input) {
    for (String field : rule.newValue()) {
      Value v = path(input, field);
      if (v != null && !history.contains(rule, keyText, field, v)) {
        return true;
      }
    }
    return false;
  }

  private void evaluate(RuleInfo rule, Group g, String keyText, Matched newest) throws DetectionException {
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
      history.seen(rule, keyText).forEach((field, values) -> h.put(field, values));
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
    for (Map.Entry<RuleInfo, Map<String, Group>> e : groups.entrySet()) {
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

  private static Map<String, Value> groupKey(RuleInfo rule, Value input) {
    Map<String, Value> key = new LinkedHashMap<>();
    for (String p : rule.groupBy()) {
      Value v = path(input, p);
      key.put(p, v == null ? NullValue.NULL : v);
    }
    return key;
  }

  private static Map<Value, Value> toValueKeys(Map<String, Value> key) {
    Map<Value, Value> out = new LinkedHashMap<>();
    key.forEach((k, v) -> out.put(StringValue.of(k), v));
    return out;
  }

  /** Dotted paths of group_by and new_value fields, split once. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> PARTS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The value at a dotted path ({@code userIdentity.arn}), or null. */
  static Value path(Value input, String dotted) {
    Value v = input;
    for (String part : PARTS.computeIfAbsent(dotted, d -> d.split("\\."))) {
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

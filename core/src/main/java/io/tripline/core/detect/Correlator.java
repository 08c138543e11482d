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
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Correlation windows. Matching records wait in a time-ordered queue until records
 * {@code tolerance} newer have arrived (CloudTrail files overlap), then join their rule's group;
 * a group keeps only the records within the rule's window of its newest one, so memory is bounded
 * by active groups, not by log size. When a group holds at least {@code threshold} records the
 * rule's {@code alert} runs on the batch; after an alert the group stays quiet until no matching
 * record arrived for a whole window (one burst, one finding). {@code new_value} rules alert on
 * every new value (a value, once seen, is never new again) and remember values in the history.
 * For the new_value rules the evaluator defers, nearly every record takes part, so a record whose
 * values its group has all seen joins the window unverified: its {@code match} is asked only if a
 * batch ever needs it, which gives the same findings for a fraction of the evaluations.
 */
final class Correlator {
  /** Time, then record order, then rule id (the library's order): records late enough to go through the heap come out as the others. */
  private static final Comparator<Matched> ORDER = Comparator.comparing(Matched::time).thenComparingLong(Matched::index)
      .thenComparing(m -> m.rule().id());

  /**
   * A record for a correlation rule: one whose {@code match} holds ({@code verified}), or, for a
   * rule whose match the evaluator defers ({@link RecordEvaluator#deferred()}), one whose match
   * has not been asked yet.
   */
  record Matched(RuleInfo rule, long index, Instant time, Value input, CloudTrailRecord record, boolean verified,
      GroupKey key, Value[] values) {
    Matched(RuleInfo rule, long index, Instant time, Value input, CloudTrailRecord record) {
      this(rule, index, time, input, record, true, null, null);
    }

    Matched asVerified() {
      return new Matched(rule, index, time, input, record, true, key, values);
    }
  }

  /** A record's values of a rule's group_by fields (NullValue where absent), hashed once. */
  static final class GroupKey {
    final Value[] parts;
    private final int hash;

    GroupKey(Value[] parts) {
      this.parts = parts;
      this.hash = Arrays.hashCode(parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GroupKey k && k.hash == hash && Arrays.equals(k.parts, parts);
    }
  }

  private static final class Group {
    final Window entries = new Window();
    final Map<String, Value> key;
    /** The key as JSON text: the group's name in the history and its state file. */
    final String keyText;
    /** This group's values per new_value field (null for other kinds), shared with the history. */
    final Map<String, Set<Value>> seen;
    Instant last = Instant.MIN;
    boolean firing;
    /** Entries whose match has not been asked yet (deferred rules only). */
    int unverified;

    Group(Map<String, Value> key, String keyText, Map<String, Set<Value>> seen) {
      this.key = key;
      this.keyText = keyText;
      this.seen = seen;
    }
  }

  /** A rule's groups and its group_by and new_value paths, split once. */
  private static final class RuleState {
    final Map<GroupKey, Group> groups = new HashMap<>();
    final StringValue[][] groupPaths;
    final StringValue[][] valuePaths;
    /** The rule's group_by fields, one instance per distinct list across rules. */
    final List<String> groupBy;

    RuleState(RuleInfo rule, List<String> groupBy) {
      this.groupBy = groupBy;
      groupPaths = rule.groupBy().stream().map(Correlator::parts).toArray(StringValue[][]::new);
      valuePaths = rule.newValue().stream().map(Correlator::parts).toArray(StringValue[][]::new);
    }
  }

  private final RecordEvaluator evaluator;
  private final CorrelationHistory history;
  private final Duration tolerance;
  private final Consumer<Finding> sink;
  private final Consumer<String> errors;
  private final boolean historyOnly;
  private final PendingQueue pending = new PendingQueue();
  private final Map<RuleInfo, RuleState> rules = new HashMap<>();
  private final Map<List<String>, List<String>> groupBys = new HashMap<>();
  private Instant newest = Instant.MIN;
  /** The time of the last record processed in order (Instant.MIN before the first). */
  private Instant lastProcessed = Instant.MIN;
  private long processed;
  /**
   * Strings of group keys and new values, one instance per text, found while the record is fresh:
   * it is processed a reorder tolerance later, when comparing its text with a group's would read
   * memory that has long left the cache; then it is a reference check. Bounded: starts over when full.
   */
  private final Map<StringValue, StringValue> canonical = new HashMap<>();
  private static final int CANONICAL_LIMIT = 1 << 16;
  /** The last key read, for the next rule that groups the same record by the same fields. */
  private Value lastKeyInput;
  private List<String> lastKeyFields;
  private GroupKey lastKey;

  Correlator(RecordEvaluator evaluator, CorrelationHistory history, Duration tolerance, Consumer<Finding> sink,
      Consumer<String> errors, boolean historyOnly) {
    this.evaluator = evaluator;
    this.history = history;
    this.tolerance = tolerance;
    this.sink = sink;
    this.errors = errors;
    this.historyOnly = historyOnly;
  }

  /**
   * Takes a record for its rule. Its group key and new values are read now, while the record is
   * fresh (it may wait in the reorder queue for a while).
   */
  void offer(Matched m) throws DetectionException {
    offer(m.rule(), m.index(), m.input(), m.record(), m.verified());
  }

  /** As {@link #offer(Matched)}, without building the record's entry twice. */
  void offer(RuleInfo rule, long index, Value input, CloudTrailRecord record, boolean verified) throws DetectionException {
    RuleState state = rules.computeIfAbsent(rule, r -> new RuleState(r, groupBys.computeIfAbsent(r.groupBy(), g -> g)));
    Value[] values = rule.kind() == RuleKind.NEW_VALUE ? newValues(state, input) : null;
    Matched m = new Matched(rule, index, record.eventTime(), input, record, verified, groupKey(state, input), values);
    if (!verified && joinedEarly(state, m)) {
      advance(m.time());
      return;
    }
    pending.add(m);
    advance(m.time());
  }

  /**
   * An unverified record whose values its group has all seen: a group's history only grows, so
   * whenever the record's turn comes it can only join the window unverified. It joins now, while
   * it is fresh, in time order; a batch built for an older record leaves it out (batches end with
   * their newest record). Entries older than any in-order record could still need are dropped
   * (those the last processed record's window has left).
   */
  private boolean joinedEarly(RuleState state, Matched m) {
    Group g = state.groups.get(m.key());
    if (g == null || novel(m.rule(), g, m.values())) {
      return false;
    }
    if (lastProcessed != Instant.MIN) {
      trim(g, lastProcessed, m.rule().window());
    }
    joinUnverified(g, m);
    if (lastProcessed != Instant.MIN) {
      count(lastProcessed);
    }
    return true;
  }

  /** Adds a record whose match has not been asked to its group's window, in time order. */
  private static void joinUnverified(Group g, Matched m) {
    g.entries.add(insertionPoint(g.entries, m), m);
    g.unverified++;
    if (m.time().isAfter(g.last)) {
      g.last = m.time();
    }
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
    return rules.values().stream().mapToInt(s -> s.groups.size()).sum();
  }

  private void drain(Instant upTo) throws DetectionException {
    while (!pending.isEmpty() && !pending.peek().time().isAfter(upTo)) {
      process(pending.poll());
    }
  }

  private void process(Matched m) throws DetectionException {
    if (m.time().isAfter(lastProcessed)) {
      lastProcessed = m.time();
    }
    RuleInfo rule = m.rule();
    RuleState state = rules.get(rule);
    boolean newValue = rule.kind() == RuleKind.NEW_VALUE;
    GroupKey keyValues = m.key();
    Group g = state.groups.get(keyValues);
    Value[] values = m.values();
    if (!m.verified()) {
      // A deferred new_value rule: a record whose values its group has all seen cannot fire and
      // adds nothing to the history, so whether it matches matters only if a later batch of the
      // group includes it, and is asked then. Other records are asked now.
      if (g != null && !novel(rule, g, values)) {
        trim(g, m.time(), rule.window());
        joinUnverified(g, m);
        count(m.time());
        return;
      }
      if (!matches(m)) {
        return;
      }
      m = m.asVerified();
    }
    if (g == null) {
      Map<String, Value> key = new LinkedHashMap<>();
      for (int i = 0; i < rule.groupBy().size(); i++) {
        key.put(rule.groupBy().get(i), keyValues.parts[i]);
      }
      String keyText = ValueJson.write(ObjectValue.of(toValueKeys(key)));
      g = new Group(key, keyText, newValue ? history.fields(rule, keyText) : null);
      state.groups.put(keyValues, g);
    }
    trim(g, m.time(), rule.window());
    if (g.firing && Duration.between(g.last, m.time()).compareTo(rule.window()) > 0) {
      g.firing = false;
    }
    if (m.time().isAfter(g.last)) {
      g.last = m.time();
    }
    g.entries.add(insertionPoint(g.entries, m), m);
    // A new_value rule can only fire on a record with a value its group has not had.
    boolean worthIt = newValue ? novel(rule, g, values) : !g.firing;
    if (!historyOnly && worthIt) {
      verifyEntries(g);
      if (batch(rule, g, m).size() >= rule.threshold()) {
        evaluate(rule, g, m);
      }
    }
    if (newValue) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          g.seen.computeIfAbsent(rule.newValue().get(i), k -> CorrelationHistory.newValueSet()).add(values[i]);
        }
      }
    }
    count(m.time());
  }

  /** Whether a deferred rule's match holds for the record; an error is reported and counts as no match. */
  private boolean matches(Matched m) throws DetectionException {
    RecordEvaluator.MatchVerdict v = evaluator.match(m.rule(), m.input());
    if (v.error() != null) {
      errors.accept("record #" + (m.index() + 1) + " (eventID " + m.record().eventID() + "): rule " + m.rule().id() + ": " + v.error());
    }
    return v.matched();
  }

  /** Asks the match of the group's unverified entries (a batch is about to be built): keeps those that hold. */
  private void verifyEntries(Group g) throws DetectionException {
    if (g.unverified == 0) {
      return;
    }
    for (ListIterator<Matched> it = g.entries.listIterator(); it.hasNext(); ) {
      Matched e = it.next();
      if (!e.verified()) {
        if (matches(e)) {
          it.set(e.asVerified());
        } else {
          it.remove();
        }
      }
    }
    g.unverified = 0;
  }

  /** Drops the entries older than the window before {@code time}. */
  private static void trim(Group g, Instant time, Duration window) {
    Instant cutoff = time.minus(window);
    int drop = 0;
    while (drop < g.entries.size() && g.entries.get(drop).time().isBefore(cutoff)) {
      if (!g.entries.get(drop).verified()) {
        g.unverified--;
      }
      drop++;
    }
    g.entries.dropFirst(drop);
  }

  private void count(Instant time) {
    if (++processed % 4096 == 0) {
      sweep(time);
    }
  }

  /** The record's values of the rule's new_value fields (null where absent). */
  private Value[] newValues(RuleState state, Value input) {
    Value[] out = new Value[state.valuePaths.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = canonical(path(input, state.valuePaths[i]));
    }
    return out;
  }

  private Value canonical(Value v) {
    if (!(v instanceof StringValue s)) {
      return v;
    }
    StringValue known = canonical.get(s);
    if (known != null) {
      return known;
    }
    if (canonical.size() >= CANONICAL_LIMIT) {
      canonical.clear();
    }
    canonical.put(s, s);
    return s;
  }

  private static boolean novel(RuleInfo rule, Group g, Value[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        Set<Value> seen = g.seen.get(rule.newValue().get(i));
        if (seen == null || !seen.contains(values[i])) {
          return true;
        }
      }
    }
    return false;
  }

  private void evaluate(RuleInfo rule, Group g, Matched newest) throws DetectionException {
    List<Matched> batchEntries = batch(rule, g, newest);
    List<Value> records = new ArrayList<>(batchEntries.size());
    for (Matched e : batchEntries) {
      records.add(e.input());
    }
    Instant start = batchEntries.get(0).time();
    Instant end = batchEntries.get(batchEntries.size() - 1).time();
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
        for (Matched e : batchEntries) {
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
    for (Map.Entry<RuleInfo, RuleState> e : rules.entrySet()) {
      Instant cutoff = now.minus(e.getKey().window()).minus(tolerance);
      for (Iterator<Group> it = e.getValue().groups.values().iterator(); it.hasNext(); ) {
        if (it.next().last.isBefore(cutoff)) {
          it.remove();
        }
      }
    }
  }

  /**
   * The entries a batch ending with {@code m} holds. For a new_value rule, those up to and
   * including {@code m}: records that joined early (newer than it) are left out, and so are newer
   * records when {@code m} itself arrived late. Other rules' records join in turn, so a late record
   * finds the newer ones of its group already there and they stay in its batch.
   */
  private static List<Matched> batch(RuleInfo rule, Group g, Matched m) {
    List<Matched> entries = g.entries;
    if (rule.kind() != RuleKind.NEW_VALUE) {
      return entries;
    }
    int end = entries.size();
    while (end > 0 && ORDER.compare(entries.get(end - 1), m) > 0) {
      end--;
    }
    return end == entries.size() ? entries : entries.subList(0, end);
  }

  private static int insertionPoint(List<Matched> entries, Matched m) {
    int i = entries.size();
    while (i > 0 && ORDER.compare(entries.get(i - 1), m) > 0) {
      i--;
    }
    return i;
  }

  /** The record's values of the rule's group_by fields, in order (null where absent). */
  private GroupKey groupKey(RuleState state, Value input) {
    if (input == lastKeyInput && state.groupBy == lastKeyFields) {
      return lastKey;
    }
    Value[] key = new Value[state.groupPaths.length];
    for (int i = 0; i < key.length; i++) {
      Value v = path(input, state.groupPaths[i]);
      key[i] = v == null ? NullValue.NULL : canonical(v);
    }
    lastKeyInput = input;
    lastKeyFields = state.groupBy;
    lastKey = new GroupKey(key);
    return lastKey;
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

  /**
   * A group's entries in time order. Entries leave from the front as the window moves: dropping
   * them moves a start index instead of shifting every later entry (a busy principal's window
   * holds thousands); the space is reclaimed when the array is full.
   */
  static final class Window extends AbstractList<Matched> implements RandomAccess {
    private Matched[] items = new Matched[8];
    private int head;
    private int tail;

    @Override
    public Matched get(int i) {
      Objects.checkIndex(i, tail - head);
      return items[head + i];
    }

    @Override
    public int size() {
      return tail - head;
    }

    @Override
    public Matched set(int i, Matched m) {
      Objects.checkIndex(i, tail - head);
      Matched old = items[head + i];
      items[head + i] = m;
      return old;
    }

    @Override
    public void add(int i, Matched m) {
      Objects.checkIndex(i, tail - head + 1);
      if (tail == items.length) {
        Matched[] to = tail - head > items.length / 2 ? new Matched[items.length * 2] : items;
        System.arraycopy(items, head, to, 0, tail - head);
        if (to == items) {
          Arrays.fill(items, tail - head, tail, null);
        }
        items = to;
        tail -= head;
        head = 0;
      }
      System.arraycopy(items, head + i, items, head + i + 1, tail - head - i);
      items[head + i] = m;
      tail++;
      modCount++;
    }

    @Override
    public Matched remove(int i) {
      Objects.checkIndex(i, tail - head);
      Matched old = items[head + i];
      System.arraycopy(items, head + i + 1, items, head + i, tail - head - i - 1);
      items[--tail] = null;
      modCount++;
      return old;
    }

    /**
     * Drops the first n entries: only the start index moves; their slots are cleared when the
     * array is compacted or the window empties (writing them now would reach back into memory
     * long out of the cache).
     */
    void dropFirst(int n) {
      if (n == 0) {
        return;
      }
      Objects.checkFromIndexSize(0, n, tail - head);
      head += n;
      if (head == tail) {
        Arrays.fill(items, 0, tail, null);
        head = 0;
        tail = 0;
      }
      modCount++;
    }
  }

  private static Map<Value, Value> toValueKeys(Map<String, Value> key) {
    Map<Value, Value> out = new LinkedHashMap<>();
    key.forEach((k, v) -> out.put(StringValue.of(k), v));
    return out;
  }

  private static StringValue[] parts(String dotted) {
    return Arrays.stream(dotted.split("\\.")).map(StringValue::of).toArray(StringValue[]::new);
  }

  /** The value at a path ({@code userIdentity.arn} split), or null. */
  private static Value path(Value input, StringValue[] parts) {
    Value v = input;
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

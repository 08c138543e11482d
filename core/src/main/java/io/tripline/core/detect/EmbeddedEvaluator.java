package io.tripline.core.detect;

import io.tripline.rego.DocumentValues;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedDocuments;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded Rego engine: every record rule's {@code alert} and every correlation rule's
 * {@code match} prepared as one {@link PreparedDocuments}, so one index lookup per record picks
 * the few rules that can hold across the whole library. {@code new_value} rules' {@code match} is
 * deferred: the correlator asks it only for records with a value new to their group.
 */
final class EmbeddedEvaluator implements RecordEvaluator {
  private final PreparedDocuments documents;
  /** Per ref of {@code documents}: its rule, and whether it is a correlation rule's match. */
  private final RuleInfo[] owners;
  private final boolean[] isMatch;
  private final Map<RuleInfo, PreparedDocuments> batchAlerts = new HashMap<>();
  /** The match of each new_value rule, asked one record at a time by the correlator. */
  private final Map<RuleInfo, PreparedDocuments> deferredMatch = new LinkedHashMap<>();
  private final EvalOptions options;

  EmbeddedEvaluator(RuleLibrary library, EvalOptions options) {
    this.options = options;
    List<String> refs = new ArrayList<>();
    List<RuleInfo> owned = new ArrayList<>();
    for (RuleInfo r : library.rules()) {
      if (r.kind().correlation()) {
        batchAlerts.put(r, library.policy().prepareDocuments(List.of(r.alertRef())));
      }
      if (r.kind() == RuleKind.NEW_VALUE) {
        deferredMatch.put(r, library.policy().prepareDocuments(List.of(r.matchRef())));
        continue;
      }
      refs.add(r.kind().correlation() ? r.matchRef() : r.alertRef());
      owned.add(r);
    }
    this.documents = library.policy().prepareDocuments(refs);
    this.owners = owned.toArray(RuleInfo[]::new);
    this.isMatch = new boolean[owners.length];
    for (int i = 0; i < owners.length; i++) {
      isMatch[i] = owners[i].kind().correlation();
    }
  }

  @Override
  public List<RecordVerdict> evaluate(List<Value> inputs) {
    List<RecordVerdict> out = new ArrayList<>(inputs.size());
    for (Value input : inputs) {
      out.add(evaluate(input));
    }
    return out;
  }

  @Override
  public RecordVerdict evaluate(Value input) {
    DocumentValues values;
    try {
      values = documents.evaluate(input, options);
    } catch (RegoException e) {
      return RecordVerdict.failed(e.getMessage());
    }
    if (values.noneEvaluated()) {
      return RecordVerdict.NONE;
    }
    String timedOut = timedOut(values);
    Map<RuleInfo, List<Value>> alerts = null;
    List<RuleInfo> matched = null;
    for (int i = 0; i < owners.length; i++) {
      Value v = values.valueAt(i);
      if (v == null) {
        continue;
      }
      if (isMatch[i]) {
        if (v.equals(BooleanValue.of(true))) {
          if (matched == null) {
            matched = new ArrayList<>(2);
          }
          matched.add(owners[i]);
        }
      } else if (v instanceof SetValue s && !s.isEmpty()) {
        if (alerts == null) {
          alerts = new LinkedHashMap<>();
        }
        alerts.put(owners[i], s.elements());
      }
    }
    if (alerts == null && matched == null && timedOut == null) {
      return RecordVerdict.NONE;
    }
    return new RecordVerdict(alerts == null ? Map.of() : alerts, matched == null ? List.of() : matched, timedOut);
  }

  /** The rules that exceeded the rule timeout ({@link EvalOptions#ruleTimeout()}) on this record; null when none. */
  private String timedOut(DocumentValues values) {
    Map<String, RegoError> errors = values.errors();
    if (errors.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    List<String> refs = documents.refs();
    for (int i = 0; i < refs.size(); i++) {
      RegoError e = errors.get(refs.get(i));
      if (e != null) {
        parts.add("rule " + owners[i].id() + " timed out (" + e + "); the other rules ran");
      }
    }
    return String.join("; ", parts);
  }

  @Override
  public List<RuleInfo> deferred() {
    return List.copyOf(deferredMatch.keySet());
  }

  @Override
  public MatchVerdict match(RuleInfo rule, Value input) {
    PreparedDocuments match = deferredMatch.get(rule);
    if (match == null) {
      throw new IllegalArgumentException("rule " + rule.id() + " is not deferred");
    }
    try {
      DocumentValues values = match.evaluate(input, options);
      RegoError timeout = values.errors().get(rule.matchRef());
      return new MatchVerdict(BooleanValue.of(true).equals(values.valueAt(0)),
          timeout == null ? null : "rule " + rule.id() + " timed out (" + timeout + ")");
    } catch (RegoException e) {
      return new MatchVerdict(false, e.getMessage());
    }
  }

  @Override
  public BatchVerdict alerts(RuleInfo rule, Value batch) {
    try {
      DocumentValues values = batchAlerts.get(rule).evaluate(batch, options);
      Value v = values.get(rule.alertRef());
      RegoError timeout = values.errors().get(rule.alertRef());
      return new BatchVerdict(v instanceof SetValue s ? s.elements() : List.of(),
          timeout == null ? null : "rule " + rule.id() + " timed out (" + timeout + ")");
    } catch (RegoException e) {
      return new BatchVerdict(List.of(), e.getMessage());
    }
  }
}

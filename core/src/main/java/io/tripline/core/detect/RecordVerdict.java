package io.tripline.core.detect;

import io.tripline.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * What the rules said about one record: the alerts of each record rule that fired, the
 * correlation rules whose {@code match} holds, and the evaluation error if the record could not
 * be evaluated (the run goes on; the error is counted and reported). {@code failed}: the record
 * could not be evaluated at all (no rule's result counts), as opposed to a rule that timed out
 * while the others ran.
 */
public record RecordVerdict(Map<RuleInfo, List<Value>> alerts, List<RuleInfo> matched, String error, boolean failed) {
  public static final RecordVerdict NONE = new RecordVerdict(Map.of(), List.of(), null, false);

  public RecordVerdict(Map<RuleInfo, List<Value>> alerts, List<RuleInfo> matched, String error) {
    this(alerts, matched, error, false);
  }

  /** A record that could not be evaluated. */
  public static RecordVerdict failed(String error) {
    return new RecordVerdict(Map.of(), List.of(), error, true);
  }
}

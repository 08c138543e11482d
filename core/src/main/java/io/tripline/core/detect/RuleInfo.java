package io.tripline.core.detect;

import java.time.Duration;
import java.util.List;

/**
 * One detection rule as its METADATA describes it. {@code packagePath} is the Rego package
 * ({@code tripline.rules.aws.cloudtrail.trail_updated}); {@code file} where it is defined.
 * Correlation rules also have a window, grouping paths, a threshold and (new_value rules) the
 * paths whose values are new.
 */
public record RuleInfo(
    String id,
    String title,
    String description,
    Severity severity,
    int riskScore,
    List<Technique> mitre,
    List<String> tags,
    String outcome,
    RuleKind kind,
    Duration window,
    List<String> groupBy,
    int threshold,
    List<String> newValue,
    List<String> falsePositives,
    List<String> references,
    List<String> investigation,
    List<String> response,
    String packagePath,
    String file) {

  /** {@code data.<package>.alert}. */
  public String alertRef() {
    return "data." + packagePath + ".alert";
  }

  /** {@code data.<package>.match} (correlation rules). */
  public String matchRef() {
    return "data." + packagePath + ".match";
  }

  /** The technique ids, in metadata order. */
  public List<String> techniqueIds() {
    return mitre.stream().map(Technique::id).distinct().toList();
  }

  /**
   * By id alone (ids are unique in a library, and equal rules have equal ids): rules key the
   * engine's per-record maps, and hashing every metadata field each time costs more than a rule.
   */
  @Override
  public int hashCode() {
    return id.hashCode();
  }
}

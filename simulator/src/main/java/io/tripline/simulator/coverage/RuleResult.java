package io.tripline.simulator.coverage;

import io.tripline.core.detect.RuleInfo;
import java.util.List;

/**
 * One rule's record over the run: findings on scenario records (true positives), findings on
 * baseline records (false positives) and their density per 10 000 baseline records, and the
 * scenarios it fired in (none: a dead rule for these scenarios).
 */
public record RuleResult(RuleInfo rule, int truePositives, int falsePositives, double falsePositivesPer10k,
    List<String> scenarios) {

  public boolean dead() {
    return truePositives == 0;
  }
}

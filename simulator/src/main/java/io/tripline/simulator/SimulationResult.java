package io.tripline.simulator;

import io.tripline.core.record.CloudTrailRecord;
import java.util.List;

/**
 * The records a run produced (sorted by time, only those a trail recorded), what each step did,
 * and how many baseline records were mixed in.
 */
public record SimulationResult(String scenarioId, String runId, long seed, List<CloudTrailRecord> records,
    List<StepReport> steps, int baselineRecords, int baselineNotLogged, List<String> worldChanges) {

  /** Steps with calls that happened but that no trail recorded. */
  public List<StepReport> unlogged() {
    return steps.stream().filter(s -> !s.logged()).toList();
  }
}

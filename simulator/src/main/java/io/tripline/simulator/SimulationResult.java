package io.tripline.simulator;

import io.tripline.core.record.CloudTrailRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records a run produced (sorted by time, only those a trail recorded), what each step did,
 * how many baseline records were mixed in, and where each record came from ({@code origins}, by
 * eventID, in record order).
 */
public record SimulationResult(String scenarioId, String runId, long seed, List<CloudTrailRecord> records,
    List<StepReport> steps, int baselineRecords, int baselineNotLogged, List<String> worldChanges,
    Map<String, RecordOrigin> origins, List<BaselineTally> baselines) {

  /** A baseline profile's records: how many were asked for and how many were written. */
  public record BaselineTally(String profile, int requested, int written) {
    public boolean shortfall() {
      return written < requested;
    }
  }

  /** Where the record with this {@code eventID} came from, if this run wrote it. */
  public Optional<RecordOrigin> origin(String eventId) {
    return Optional.ofNullable(origins.get(eventId));
  }

  /** Steps with calls that happened but that no trail recorded. */
  public List<StepReport> unlogged() {
    return steps.stream().filter(s -> !s.logged()).toList();
  }
}

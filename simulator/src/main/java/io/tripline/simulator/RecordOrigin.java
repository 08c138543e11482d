package io.tripline.simulator;

import io.tripline.simulator.scenario.Expectation;
import java.util.Optional;

/**
 * Where one record of a run came from: a scenario step or a baseline profile. Kept beside the
 * records (in memory and in the run manifest), never inside them.
 *
 * @param eventId the record's {@code eventID}
 * @param scenarioId the run's scenario (base id, without the variant); empty for a baseline run alone
 * @param variant the variant name when the run was {@code id/variant}
 * @param step the scenario step that made the call; empty for baseline records
 * @param baseline the baseline profile that made the call; empty for scenario steps
 * @param actor the actor's name in its script or profile
 * @param expectedOutcome what the script or profile asked for: {@code success}, {@code denied} or an error code
 * @param errorCode the {@code errorCode} written, empty on success
 */
public record RecordOrigin(String eventId, Optional<String> scenarioId, Optional<String> variant, Optional<StepRef> step,
    Optional<String> baseline, String actor, String expectedOutcome, Optional<String> errorCode) {

  /** A scenario step: 0-based {@code index}, its name and call, and what it expects to fire. */
  public record StepRef(int index, String name, String call, Expectation expect) {}

  public boolean fromBaseline() {
    return baseline.isPresent();
  }
}

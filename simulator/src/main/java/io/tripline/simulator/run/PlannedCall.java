package io.tripline.simulator.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.scenario.Step;
import java.time.Instant;

/**
 * One call on the run's timeline, from a scenario step (step != null) or a baseline profile
 * ({@code baseline} is its id). {@code actor} is the actor's name in its script or profile.
 */
public record PlannedCall(Instant time, long order, String actorKey, String call, ObjectNode params, String outcome, Step step,
    int repetition, String region, String baseline, String actor) {}

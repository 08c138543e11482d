package io.tripline.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One call on the run's timeline, from a scenario step (step != null) or a baseline profile. */
record PlannedCall(Instant time, long order, String actorKey, String call, ObjectNode params, String outcome, Step step,
    int repetition, String region) {}

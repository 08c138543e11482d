package io.tripline.simulator.scenario;

import java.util.List;

/** Technique ids or rule ids that must fire, and those that must stay quiet. */
public record Expectation(List<String> fire, List<String> notFire) {

  public static final Expectation NONE = new Expectation(List.of(), List.of());
}

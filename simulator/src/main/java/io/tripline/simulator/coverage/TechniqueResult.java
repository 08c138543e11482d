package io.tripline.simulator.coverage;

import java.util.List;

/**
 * One ATT&CK technique (its current ID and the other IDs it had): the rules whose metadata name
 * it, the scenarios that exercise it (in their expectations), and those in which a rule for it
 * fired. A technique exercised but with no rule that fires on it is a gap.
 */
public record TechniqueResult(String id, List<String> aliases, List<String> rules, List<String> exercisedBy,
    List<String> caughtIn) {

  public boolean gap() {
    return !exercisedBy.isEmpty() && caughtIn.isEmpty();
  }
}

package io.tripline.simulator.scenario;

import io.tripline.simulator.source.Diagnostic;
import java.util.List;

/**
 * What loading one file gave: its kind, the scenarios (a script and its variants; none for
 * fragments), a baseline profile when the file is one, and every problem found.
 */
public record LoadResult(String file, Kind kind, List<Scenario> scenarios, List<BaselineProfile> baselines, List<Diagnostic> diagnostics) {

  public enum Kind { SCENARIO, FRAGMENT, BASELINE, UNKNOWN }

  public boolean ok() {
    return diagnostics.isEmpty();
  }
}

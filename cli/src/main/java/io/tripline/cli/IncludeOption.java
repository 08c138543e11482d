package io.tripline.cli;

import io.tripline.simulator.ScenarioSources;
import picocli.CommandLine.Option;

/** {@code --allow-include-outside} for the commands that load scenario scripts. */
public final class IncludeOption {

  @Option(names = "--allow-include-outside",
      description = "Let a scenario's `include` read files outside the scenario library ('..', absolute paths, "
          + "symbolic links out of it). Without it an include resolves only beside the script, in the fragments/ "
          + "directory beside it, or among the bundled fragments.")
  boolean allow;

  /** Where scripts are found, with includes confined unless the option is given. */
  public ScenarioSources sources() {
    return new ScenarioSources(allow);
  }
}

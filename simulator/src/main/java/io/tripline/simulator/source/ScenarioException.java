package io.tripline.simulator.source;

import java.util.List;

/** Load-time problems, carried as values up to the loader, which turns them into diagnostics. */
public final class ScenarioException extends RuntimeException {

  private final List<Diagnostic> diagnostics;

  public ScenarioException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public ScenarioException(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).toString(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

package io.tripline.simulator;

import java.util.List;

/** Load-time problems, carried as values up to the loader, which turns them into diagnostics. */
final class ScenarioException extends RuntimeException {

  private final List<Diagnostic> diagnostics;

  ScenarioException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  ScenarioException(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).toString(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

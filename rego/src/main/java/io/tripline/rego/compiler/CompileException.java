package io.tripline.rego.compiler;

import java.util.List;
import java.util.stream.Collectors;

/** Compilation failed; carries every error found, in source order. */
public final class CompileException extends RuntimeException {
  private final List<CompileError> errors;

  public CompileException(List<CompileError> errors) {
    super(summary(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<CompileError> errors() {
    return errors;
  }

  private static String summary(List<CompileError> errors) {
    String head = errors.size() == 1 ? "1 error occurred" : errors.size() + " errors occurred";
    return head + ":\n" + errors.stream().map(CompileError::toString).collect(Collectors.joining("\n"));
  }
}

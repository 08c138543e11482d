package io.tripline.rego;

import io.tripline.rego.compiler.CompileError;
import io.tripline.rego.compiler.CompileException;
import io.tripline.rego.eval.EvalException;
import io.tripline.rego.parser.ParseException;
import java.util.List;
import java.util.stream.Collectors;

/** Parsing, compiling or evaluating failed; {@link #errors()} lists what and where, as OPA prints it. */
public final class RegoException extends RuntimeException {
  private final List<RegoError> errors;

  public RegoException(List<RegoError> errors) {
    super(errors.stream().map(RegoError::toString).collect(Collectors.joining("\n")), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<RegoError> errors() {
    return errors;
  }

  /** The code of the first error. */
  public String code() {
    return errors.get(0).code();
  }

  static RegoException of(ParseException e) {
    return new RegoException(List.of(new RegoError("rego_parse_error", e.getMessage(), e.location())));
  }

  static RegoException of(CompileException e) {
    return new RegoException(e.errors().stream()
        .map((CompileError c) -> new RegoError(c.code(), c.message(), c.location()))
        .toList());
  }

  static RegoException of(EvalException e) {
    return new RegoException(List.of(new RegoError(e.code(), e.getMessage(), e.location())));
  }
}

package io.tripline.core.detect.opa;

/** OPA could not evaluate the policy for this input (HTTP 500 with evaluation errors): retrying will not help. */
final class OpaEvaluationException extends Exception {
  private final transient OpaError error;

  OpaEvaluationException(OpaError error) {
    super(io.tripline.rego.Redaction.redact(error.details()), null, false, false);
    this.error = error;
  }

  OpaError error() {
    return error;
  }
}

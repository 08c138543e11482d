package io.tripline.rego.metadata;

/** Thrown while parsing one block; collected into {@link AnnotationError}s by {@link AnnotationSet}. */
final class AnnotationException extends RuntimeException {
  private final AnnotationError error;

  AnnotationException(AnnotationError error) {
    super(error.message());
    this.error = error;
  }

  AnnotationError error() {
    return error;
  }
}

package io.tripline.core.detect;

/** Detection cannot go on (for example, the OPA server cannot be reached): the message says what to check. */
public final class DetectionException extends Exception {
  public DetectionException(String message) {
    super(message);
  }

  public DetectionException(String message, Throwable cause) {
    super(message, cause);
  }
}

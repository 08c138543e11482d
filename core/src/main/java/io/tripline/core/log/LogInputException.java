package io.tripline.core.log;

/** A path given to the reader that does not exist or cannot be listed: a usage error. */
public final class LogInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogInputException(String message) {
    super(message);
  }
}

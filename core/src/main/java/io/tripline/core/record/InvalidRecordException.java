package io.tripline.core.record;

/** A JSON object that is not a usable CloudTrail record; {@link #pointer()} says where. */
public final class InvalidRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String pointer;

  public InvalidRecordException(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  /** JSON pointer, relative to the record, of the offending field. */
  public String pointer() {
    return pointer;
  }
}

package io.tripline.core.log;

/**
 * Something in the input that could not be read as a CloudTrail record: which file, where in it
 * (1-based line and column of the decompressed text, from Jackson's location; {@code -1} when not
 * known) and which record ({@code recordIndex}, 0-based position among the records of that file;
 * {@code -1} when the problem concerns the file as a whole).
 */
public record ReadProblem(String file, int line, int column, long recordIndex, String message) {

  /** A problem with a whole file (not found, unreadable, not gzip, ...). */
  public static ReadProblem ofFile(String file, String message) {
    return new ReadProblem(file, -1, -1, -1, message);
  }

  /** {@code file:line:col: record #n: message}, the form printed to users. */
  public String describe() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    s.append(": ");
    if (recordIndex >= 0) {
      s.append("record #").append(recordIndex + 1).append(": ");
    }
    return s.append(message).toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}

package io.tripline.rego.test;

/** Lines {@code start..end} (1-based, inclusive) of a file. */
public record LineRange(int start, int end) {
  public int lines() {
    return end - start + 1;
  }
}

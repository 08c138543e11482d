package io.tripline.core.log;

/** What the reader does with a record it cannot read. */
public enum ReadMode {
  /** Skip it, count it, keep going; the problems are in {@link ReadSummary#problems()}. */
  SKIP_BAD_RECORDS,
  /** Stop at the first problem: iteration throws {@link LogReadException}. */
  STRICT
}

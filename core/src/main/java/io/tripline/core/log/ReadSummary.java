package io.tripline.core.log;

import java.util.List;

/**
 * What a read did: files opened, records delivered, records (or rest-of-file) skipped, digest
 * files recognised and skipped, and the first problems in detail ({@code problems} holds at most
 * {@link CloudTrailLogReader#MAX_PROBLEMS_KEPT}; {@code recordsSkipped} counts them all).
 */
public record ReadSummary(
    long filesRead, long recordsRead, long recordsSkipped, long digestFilesSkipped, List<ReadProblem> problems) {

  public ReadSummary {
    problems = List.copyOf(problems);
  }
}

package io.tripline.iam;

import java.util.List;

/**
 * The requests read from one file.
 *
 * @param requests the requests, in file order (empty when there are errors)
 * @param array true when the file held a JSON array, so the results are printed as an array too
 * @param errors problems that make the file unusable (the CLI exits 2 and prints them)
 * @param warnings problems worth telling but not fatal (unknown actions, literal wildcards)
 */
public record RequestBatch(List<AccessRequest> requests, boolean array, List<RequestProblem> errors, List<RequestProblem> warnings) {
  public RequestBatch {
    requests = List.copyOf(requests);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}

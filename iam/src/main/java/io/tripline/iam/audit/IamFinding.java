package io.tripline.iam.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One finding of one check for one principal.
 *
 * @param check the check that found it
 * @param principal the principal ARN
 * @param message the finding's message
 * @param actions the actions involved
 * @param finding the whole finding object the check returned (statements and more)
 */
public record IamFinding(IamCheck check, String principal, String message, List<String> actions, JsonNode finding) {
  public IamFinding {
    actions = List.copyOf(actions);
  }
}

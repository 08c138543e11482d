package io.tripline.iam.gaps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.iam.access.Grant;
import java.util.List;

/**
 * The least-privilege policy for one principal.
 *
 * @param principalArn the user or role
 * @param policy the suggested identity policy (IAM JSON)
 * @param statements what to do with each Allow statement of today's policies
 * @param excludedSensitive sensitive calls of the window left out of the policy (log reading or
 *     tampering by a principal that is not a designated log reader or admin), each once
 * @param unusedSensitive sensitive permissions held and not used in the window
 * @param callsUsed allowed calls of the window the policy is built from
 * @param callsDenied calls of the window that were denied (they show no permission in use)
 */
public record PolicySuggestion(
    String principalArn, ObjectNode policy, List<StatementVerdict> statements, List<ActivityCall> excludedSensitive, List<Grant> unusedSensitive,
    int callsUsed, int callsDenied) {
  public PolicySuggestion {
    statements = List.copyOf(statements);
    excludedSensitive = List.copyOf(excludedSensitive);
    unusedSensitive = List.copyOf(unusedSensitive);
  }
}

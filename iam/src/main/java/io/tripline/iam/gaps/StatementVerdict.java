package io.tripline.iam.gaps;

import java.util.List;

/**
 * What to do with one Allow statement of today's policies.
 *
 * @param policy the policy name or ARN
 * @param sid the Sid, or null
 * @param statementIndex its position in the policy
 * @param verdict keep (only what the activity needs), replace (grants what the activity needs and
 *     more: the suggested policy replaces it), remove (nothing in the activity needs it), or
 *     unobserved (grants only data-event actions, which the trail may not log: kept as is)
 * @param usedBy the actions of the window it allowed
 * @param reason one sentence
 */
public record StatementVerdict(String policy, String sid, int statementIndex, Verdict verdict, List<String> usedBy, String reason) {
  public StatementVerdict {
    usedBy = List.copyOf(usedBy);
  }

  public enum Verdict {
    KEEP, REPLACE, REMOVE, UNOBSERVED;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

package io.tripline.iam;

import io.tripline.iam.policy.Effect;

/**
 * A statement that applied to a request.
 *
 * @param policyType where the policy is attached
 * @param policy the policy's name (for SCPs and RCPs prefixed with the level, such as {@code ou:Prod/DenyAll})
 * @param sid the statement's Sid, or null
 * @param statementIndex the statement's position in its policy
 * @param effect Allow or Deny
 */
public record MatchedStatement(PolicyType policyType, String policy, String sid, int statementIndex, Effect effect) {}

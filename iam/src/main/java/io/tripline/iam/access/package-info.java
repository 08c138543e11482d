/**
 * Effective access of an account's principals: deciding one call against an account export
 * ({@link io.tripline.iam.access.AccountAccess}), the trails and bucket policies that locate the logs,
 * and the sensitive log-reading, log-tampering and privilege-escalation actions each principal holds.
 * Uses the evaluator and the account model of {@code io.tripline.iam} and {@code io.tripline.iam.account}.
 */
package io.tripline.iam.access;

/**
 * Permission gaps: sensitive permissions held but unused in an activity window, and the
 * least-privilege policy a principal's observed activity needs. Takes plain activity tuples
 * (principal, action, resource); turning CloudTrail records into them is {@link
 * io.tripline.iam.gaps.EventActions}'s job, reading the logs is the caller's. Uses {@code
 * io.tripline.iam.access}.
 */
package io.tripline.iam.gaps;

package io.tripline.iam.gaps;

import java.time.Instant;
import java.util.Objects;

/**
 * One call a principal made, as IAM names it.
 *
 * @param principalArn the user, role or assumed-role session ARN
 * @param action {@code service:Action} (IAM's name, such as s3:ListBucket for ListObjects)
 * @param resource the resource ARN, or {@code *} when the action has no resource types or the record names none
 * @param time when, or null
 * @param denied the call failed with an access-denied error (it does not show a permission in use)
 */
public record ActivityCall(String principalArn, String action, String resource, Instant time, boolean denied) {
  public ActivityCall {
    Objects.requireNonNull(principalArn, "principalArn");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }
}

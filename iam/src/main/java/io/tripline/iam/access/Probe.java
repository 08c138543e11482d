package io.tripline.iam.access;

/**
 * One sensitive action on one of the account's real resources, to decide for a principal.
 *
 * @param category why it is sensitive
 * @param action {@code service:Action}
 * @param resource the resource ARN, or {@code *} for actions without resource types
 * @param note what the resource is (the trail bucket, another user, an admin role), for people
 */
public record Probe(AccessCategory category, String action, String resource, String note) {}

package io.tripline.iam;

import io.tripline.iam.policy.PolicyDocument;

/**
 * A policy document with the name it is reported under.
 *
 * @param name the policy name or ARN (may be null for session policies)
 * @param document the parsed document
 */
public record NamedPolicy(String name, PolicyDocument document) {}

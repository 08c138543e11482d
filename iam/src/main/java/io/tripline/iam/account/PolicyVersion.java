package io.tripline.iam.account;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a managed policy.
 *
 * @param versionId {@code v1}, {@code v2}, ...
 * @param defaultVersion true for the version in force
 * @param document the policy document, decoded JSON
 */
public record PolicyVersion(String versionId, boolean defaultVersion, JsonNode document) {}

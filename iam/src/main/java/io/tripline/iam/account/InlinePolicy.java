package io.tripline.iam.account;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An inline policy of a user, group or role.
 *
 * @param name the policy name
 * @param document the policy document, decoded JSON
 */
public record InlinePolicy(String name, JsonNode document) {}

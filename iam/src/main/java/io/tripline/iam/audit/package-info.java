/**
 * The IAM audit: runs the Rego checks of {@code policies/iam} ({@code tripline.iam.checks.*}) over
 * the effective-access document of each principal and returns findings with the checks' metadata.
 * Uses {@code io.tripline.iam.access} and the Rego engine's public API.
 */
package io.tripline.iam.audit;

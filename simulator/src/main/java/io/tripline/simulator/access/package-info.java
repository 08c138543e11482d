/**
 * IAM-aware replay: {@link io.tripline.simulator.access.CallAuthorizer} decides a scenario step's
 * call before it is written, and {@link io.tripline.simulator.access.AccountAuthorizer} does so with
 * an account's IAM data through the iam module ({@code AccountAccess}). Uses no other simulator package.
 */
package io.tripline.simulator.access;

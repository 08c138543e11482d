/**
 * Detection: the rule library (Rego packages with METADATA), the engines that turn CloudTrail
 * records into findings (embedded Rego, or a remote OPA over its Data API), correlation windows
 * and what the engine learns from the logs. Uses {@code record} and the Rego engine.
 */
package io.tripline.core.detect;

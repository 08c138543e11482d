/**
 * Renders detection results as documents: findings as JSON objects and SARIF 2.1.0. Uses
 * {@code detect}; prints nothing itself (the CLI does).
 */
package io.tripline.core.report;

/**
 * Coverage reports as documents: versioned JSON, JUnit XML, SARIF 2.1.0, Markdown, a
 * self-contained HTML page, an ATT&CK Navigator layer and incident write-ups. Renders only; the
 * CLI writes and prints. Uses {@code coverage} and core's finding renderers.
 */
package io.tripline.simulator.coverage.report;

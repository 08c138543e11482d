/**
 * Scenario scripts, fragments and baseline profiles: loading (schema, includes, variants,
 * semantic checks) and the loaded model. May use source, template and catalog.
 */
package io.tripline.simulator.scenario;

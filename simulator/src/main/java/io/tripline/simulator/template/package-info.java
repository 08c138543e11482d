/**
 * The ${...} template language of the catalog and of scripts: parsing, compiling and evaluating
 * against a scope, and durations as scripts write them. Uses nothing else in the simulator.
 */
package io.tripline.simulator.template;

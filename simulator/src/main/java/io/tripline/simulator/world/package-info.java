/**
 * The simulated account during one run: trails, buckets, detectors, ...; decides which trails record
 * an event and applies the catalog's effects. May use template.
 */
package io.tripline.simulator.world;

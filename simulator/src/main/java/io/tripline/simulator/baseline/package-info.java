/**
 * Benign baseline activity: draws planned calls from a profile's rhythm and mix. May use scenario
 * and run (ids, planned calls).
 */
package io.tripline.simulator.baseline;

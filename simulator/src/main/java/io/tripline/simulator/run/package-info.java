/**
 * Synthesis: places steps on the clock, resolves actors to ids, and writes one CloudTrail record
 * per planned call. May use scenario, catalog, world and template.
 */
package io.tripline.simulator.run;

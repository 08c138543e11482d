/**
 * Synthesis: places steps on the clock, resolves actors to ids, and writes one CloudTrail record
 * per planned call. May use scenario, catalog, world, template and access (the IAM-aware replay's
 * {@link io.tripline.simulator.access.CallAuthorizer}).
 */
package io.tripline.simulator.run;

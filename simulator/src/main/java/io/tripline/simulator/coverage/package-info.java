/**
 * Detection coverage: replays scenarios and baselines, runs the rule library over them, and joins
 * the findings with what each step expected (per step, scenario, technique and rule; time to
 * detect; false positives on baselines). Uses the simulator's public API and core's detection.
 */
package io.tripline.simulator.coverage;

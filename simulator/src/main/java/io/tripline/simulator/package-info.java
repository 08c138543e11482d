/**
 * The simulator's public entry points: resolve SCRIPT arguments ({@link io.tripline.simulator.ScenarioSources}),
 * run a scenario with baselines mixed in ({@link io.tripline.simulator.Simulator}) and read what it did
 * ({@link io.tripline.simulator.SimulationResult}). May use every subpackage below.
 */
package io.tripline.simulator;

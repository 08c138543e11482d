/**
 * YAML source files with positions: reading with line and column, JSON-pointer locations, merging
 * trees for include and vary, and diagnostics (file:line:col). Uses nothing else in the simulator.
 */
package io.tripline.simulator.source;

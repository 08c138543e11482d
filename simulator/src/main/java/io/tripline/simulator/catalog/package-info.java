/**
 * The AWS API catalog: how each service:Action appears in CloudTrail, read from the bundled YAML.
 * May use source, template and world (effect names).
 */
package io.tripline.simulator.catalog;

package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated scenario script (or one of its {@code vary} variants): metadata, the account
 * it runs against, actors, timed steps and expectations.
 *
 * @param id the script's id; a variant's id is {@code id/variant}
 * @param start the absolute start, or empty when the script starts at the run's {@code --start}
 * @param startOffset how long after {@code --start} a relative script begins ({@code start: 2h})
 * @param world the account model (trails, buckets, detectors, ...) as written, after includes
 */
public record Scenario(
    String id,
    String title,
    String description,
    List<String> mitre,
    List<String> references,
    String detection,
    String account,
    String region,
    Optional<Instant> start,
    java.time.Duration startOffset,
    Map<String, Actor> actors,
    List<Step> steps,
    Expectation expect,
    JsonNode world,
    String file) {}

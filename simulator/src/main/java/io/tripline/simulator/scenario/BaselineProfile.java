package io.tripline.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A profile of normal activity (developer, administrator, CI role, auditor, service roles): who,
 * when (a working-day rhythm), which calls in which proportions, and how often they fail.
 */
public record BaselineProfile(
    String id,
    String title,
    String description,
    List<String> lookalikeOf,
    String account,
    String region,
    Map<String, Actor> actors,
    JsonNode world,
    Rhythm rhythm,
    double errorRate,
    List<MixEntry> mix,
    String file) {

  /** Working hours in local time ({@code utcOffset}), and the share of calls outside them. */
  public record Rhythm(String utcOffset, int startHour, int endHour, double offHoursShare, boolean weekends) {}

  /** One kind of call in the mix, drawn with probability proportional to {@code weight}. */
  public record MixEntry(String call, double weight, String actor, ObjectNode params, List<String> errors) {}
}

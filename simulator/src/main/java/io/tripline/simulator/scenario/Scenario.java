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
    String file) {

  /** The earliest time a run may start at (records before 1970 are not CloudTrail's). */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  /** The end of the year 9999: no record may be at or after it (a four-digit year). */
  public static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

  /** Why a time is outside the years 1970–9999, or null. */
  public static String outsideYears(Instant t) {
    return t.isBefore(EARLIEST) || t.isAfter(END) ? "is outside the years 1970–9999 that records may have" : null;
  }

  /**
   * An upper bound on how long after its start the scenario's last record can be: every step's
   * offset, delay, jitter and repeats added up (each is capped at validation, so this is finite).
   */
  public java.time.Duration span() {
    java.time.Duration total = startOffset;
    for (Step s : steps) {
      total = total.plus(s.at().orElse(java.time.Duration.ZERO)).plus(s.after().orElse(java.time.Duration.ZERO)).plus(s.jitter())
          .plus(s.every().multipliedBy(Math.max(1, s.repeat())));
      if (s.atInstant().isPresent() && start.isPresent()) {
        total = total.plus(java.time.Duration.between(start.get(), s.atInstant().get()).abs());
      }
    }
    return total;
  }

  /** Why the scenario cannot run from {@code at} (its records would leave the years 1970–9999), or null. */
  public String timeProblem(Instant at) {
    String wrong = outsideYears(at);
    if (wrong == null && at.plus(span()).isAfter(END)) {
      wrong = "plus the scenario's steps (up to " + span().toDays() + " days) runs past the end of the year 9999";
    }
    return wrong == null ? null : "the start " + at + " " + wrong + "; choose an earlier start";
  }
}

package io.tripline.simulator.run;

import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a scenario's steps on the clock: {@code at} offsets from the start, absolute times
 * (moved with {@code --start}), {@code after} gaps, repeats and seeded jitter. Times are whole
 * seconds, as CloudTrail writes them.
 */
public final class Timeline {

  private Timeline() {}

  /** The scenario's calls in step order, its timeline beginning at {@code base}. */
  public static List<PlannedCall> plan(Scenario s, Instant base, Ids ids) {
    return plan(s, base, ids, "", 0);
  }

  /**
   * As {@link #plan(Scenario, Instant, Ids)}, for one of several scenarios in one run: actor keys
   * get {@code actorPrefix}, and call order starts at {@code firstOrder}.
   */
  public static List<PlannedCall> plan(Scenario s, Instant base, Ids ids, String actorPrefix, long firstOrder) {
    Duration shift = s.start().map(st -> Duration.between(st, base)).orElse(Duration.ZERO);
    Instant cursor = base;
    List<PlannedCall> out = new ArrayList<>();
    long order = firstOrder;
    for (Step step : s.steps()) {
      Instant t;
      if (step.at().isPresent()) {
        t = base.plus(step.at().get());
      } else if (step.atInstant().isPresent()) {
        t = step.atInstant().get().plus(shift);
      } else if (step.after().isPresent()) {
        t = cursor.plus(step.after().get());
      } else {
        t = cursor;
      }
      for (int r = 0; r < step.repeat(); r++) {
        Instant at = t.plus(step.every().multipliedBy(r)).plus(jitter(step.jitter(), ids));
        out.add(new PlannedCall(at, order++, actorPrefix + step.actor(), step.call(), step.params(), step.outcome(), step, r,
            step.region().orElse(s.region()), null, step.actor()));
        cursor = at;
      }
    }
    return out;
  }

  private static Duration jitter(Duration max, Ids ids) {
    long s = max.getSeconds();
    return s == 0 ? Duration.ZERO : Duration.ofSeconds(ids.between(-s, s));
  }
}

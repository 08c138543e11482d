package io.tripline.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a scenario's steps on the clock: {@code at} offsets from the start, absolute times
 * (moved with {@code --start}), {@code after} gaps, repeats and seeded jitter. Times are whole
 * seconds, as CloudTrail writes them.
 */
final class Timeline {

  private Timeline() {}

  static Instant start(Scenario s, SimulationOptions o) {
    if (s.start().isPresent()) {
      return o.start().orElse(s.start().get());
    }
    return o.start().orElse(SimulationOptions.DEFAULT_START).plus(s.startOffset());
  }

  static List<PlannedCall> plan(Scenario s, SimulationOptions o, Ids ids) {
    Instant base = start(s, o);
    Duration shift = s.start().map(st -> Duration.between(st, base)).orElse(Duration.ZERO);
    Instant cursor = base;
    List<PlannedCall> out = new ArrayList<>();
    long order = 0;
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
        out.add(new PlannedCall(at, order++, step.actor(), step.call(), step.params(), step.outcome(), step, r,
            step.region().orElse(s.region())));
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

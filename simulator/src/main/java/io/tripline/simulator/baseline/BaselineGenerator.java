package io.tripline.simulator.baseline;

import io.tripline.simulator.run.Ids;
import io.tripline.simulator.run.PlannedCall;
import io.tripline.simulator.scenario.BaselineProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws normal activity from a profile: the anchor's day and the day before, mostly in working hours
 * (local time), calls by weight, failures at the profile's error rate.
 */
public final class BaselineGenerator {

  private BaselineGenerator() {}

  /** Actor keys of baseline actors, so they never clash with a scenario's. */
  public static String actorKey(BaselineProfile p, String actor) {
    return "baseline." + p.id() + "." + actor;
  }

  public static List<PlannedCall> plan(BaselineProfile p, int count, Instant anchor, Ids ids, String region, long firstOrder) {
    ZoneOffset zone = ZoneOffset.of(p.rhythm().utcOffset());
    ZonedDateTime day = anchor.atZone(zone).toLocalDate().atStartOfDay(zone);
    double total = p.mix().stream().mapToDouble(BaselineProfile.MixEntry::weight).sum();
    List<PlannedCall> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long second;
      int workStart = p.rhythm().startHour() * 3600;
      int workEnd = p.rhythm().endHour() * 3600;
      if (ids.unit() < p.rhythm().offHoursShare()) {
        long off = ids.between(0, 86_400 - (workEnd - workStart) - 1);
        second = off < workStart ? off : off + (workEnd - workStart);
      } else {
        second = ids.between(workStart, workEnd - 1);
      }
      // Half the activity falls on the day before the anchor, half on its day: normal activity
      // surrounds the attack instead of only following it.
      ZonedDateTime which = ids.unit() < 0.5 ? day.minusDays(1) : day;
      if (!p.rhythm().weekends()) {
        while (which.getDayOfWeek().getValue() >= 6) {
          which = which.minusDays(1);
        }
      }
      Instant t = which.toInstant().plus(Duration.ofSeconds(second));
      double pick = ids.unit() * total;
      BaselineProfile.MixEntry entry = p.mix().get(p.mix().size() - 1);
      for (BaselineProfile.MixEntry e : p.mix()) {
        pick -= e.weight();
        if (pick < 0) {
          entry = e;
          break;
        }
      }
      String outcome = "success";
      if (ids.unit() < p.errorRate()) {
        outcome = entry.errors().isEmpty() ? "denied" : entry.errors().get((int) ids.between(0, entry.errors().size() - 1));
      }
      out.add(new PlannedCall(t, firstOrder + i, actorKey(p, entry.actor()), entry.call(), entry.params(), outcome, null, i, region,
          p.id(), entry.actor()));
    }
    return out;
  }
}

package io.tripline.simulator.run;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** CloudTrail's {@code eventTime}: UTC to the second, {@code 2024-03-14T21:15:10Z}. */
final class EventTimes {

  private EventTimes() {}

  static String format(Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] c = new char[20];
    put4(c, 0, d.getYear());
    c[4] = '-';
    put2(c, 5, d.getMonthValue());
    c[7] = '-';
    put2(c, 8, d.getDayOfMonth());
    c[10] = 'T';
    put2(c, 11, d.getHour());
    c[13] = ':';
    put2(c, 14, d.getMinute());
    c[16] = ':';
    put2(c, 17, d.getSecond());
    c[19] = 'Z';
    return new String(c);
  }

  private static void put2(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  private static void put4(char[] c, int at, int v) {
    put2(c, at, v / 100);
    put2(c, at + 2, v % 100);
  }
}

package io.tripline.rego.builtins;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Go reference-time layout ({@code "2006-01-02T15:04:05Z07:00"}) split into literal text and
 * elements exactly as Go's {@code time} package reads it, and formatting with it.
 */
final class GoTimeLayout {
  /** One element of a layout. */
  enum Std {
    LITERAL, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
    LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, TZ, ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ,
    ISO8601_COLON_SECONDS_TZ, NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
    FRAC_SECOND0, FRAC_SECOND9
  }

  /** A piece of a layout: literal text, or an element with its source text (and digits for fractions). */
  record Chunk(Std std, String text, int digits, char separator) {}

  /** The layouts OPA accepts by Go constant name. */
  static final Map<String, String> NAMED = Map.of(
      "ANSIC", "Mon Jan _2 15:04:05 2006",
      "UnixDate", "Mon Jan _2 15:04:05 MST 2006",
      "RubyDate", "Mon Jan 02 15:04:05 -0700 2006",
      "RFC822", "02 Jan 06 15:04 MST",
      "RFC822Z", "02 Jan 06 15:04 -0700",
      "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
      "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST",
      "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700",
      "RFC3339", "2006-01-02T15:04:05Z07:00",
      "RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00");

  static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday"};

  private static final Std[] ZERO_X = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
      Std.ZERO_SECOND, Std.YEAR};

  private GoTimeLayout() {}

  /** The layout's chunks, as Go's {@code nextStdChunk} finds them. */
  static List<Chunk> chunks(String layout) {
    List<Chunk> out = new ArrayList<>();
    String rest = layout;
    while (!rest.isEmpty()) {
      int[] found = next(rest);
      int at = found[0];
      if (at > 0 || found[1] < 0) {
        out.add(new Chunk(Std.LITERAL, rest.substring(0, found[1] < 0 ? rest.length() : at), 0, ' '));
      }
      if (found[1] < 0) {
        break;
      }
      Std std = Std.values()[found[1]];
      String text = rest.substring(at, found[2]);
      if (std == Std.FRAC_SECOND0 || std == Std.FRAC_SECOND9) {
        out.add(new Chunk(std, text, text.length() - 1, text.charAt(0)));
      } else {
        out.add(new Chunk(std, text, 0, ' '));
      }
      rest = rest.substring(found[2]);
    }
    return out;
  }

  /** {start, std ordinal or -1, end} of the first element in s. */
  private static int[] next(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'J':
          if (s.startsWith("Jan", i)) {
            if (s.startsWith("January", i)) {
              return hit(i, Std.LONG_MONTH, i + 7);
            }
            if (!startsWithLower(s, i + 3)) {
              return hit(i, Std.MONTH, i + 3);
            }
          }
          break;
        case 'M':
          if (s.startsWith("Mon", i)) {
            if (s.startsWith("Monday", i)) {
              return hit(i, Std.LONG_WEEKDAY, i + 6);
            }
            if (!startsWithLower(s, i + 3)) {
              return hit(i, Std.WEEKDAY, i + 3);
            }
          }
          if (s.startsWith("MST", i)) {
            return hit(i, Std.TZ, i + 3);
          }
          break;
        case '0':
          if (i + 1 < s.length() && s.charAt(i + 1) >= '1' && s.charAt(i + 1) <= '6') {
            return hit(i, ZERO_X[s.charAt(i + 1) - '1'], i + 2);
          }
          if (s.startsWith("002", i)) {
            return hit(i, Std.ZERO_YEAR_DAY, i + 3);
          }
          break;
        case '1':
          if (i + 1 < s.length() && s.charAt(i + 1) == '5') {
            return hit(i, Std.HOUR, i + 2);
          }
          return hit(i, Std.NUM_MONTH, i + 1);
        case '2':
          if (s.startsWith("2006", i)) {
            return hit(i, Std.LONG_YEAR, i + 4);
          }
          return hit(i, Std.DAY, i + 1);
        case '_':
          if (i + 1 < s.length() && s.charAt(i + 1) == '2') {
            if (s.startsWith("2006", i + 1)) {
              return hit(i + 1, Std.LONG_YEAR, i + 5);
            }
            return hit(i, Std.UNDER_DAY, i + 2);
          }
          if (s.startsWith("__2", i)) {
            return hit(i, Std.UNDER_YEAR_DAY, i + 3);
          }
          break;
        case '3':
          return hit(i, Std.HOUR12, i + 1);
        case '4':
          return hit(i, Std.MINUTE, i + 1);
        case '5':
          return hit(i, Std.SECOND, i + 1);
        case 'P':
          if (i + 1 < s.length() && s.charAt(i + 1) == 'M') {
            return hit(i, Std.PM_UPPER, i + 2);
          }
          break;
        case 'p':
          if (i + 1 < s.length() && s.charAt(i + 1) == 'm') {
            return hit(i, Std.PM_LOWER, i + 2);
          }
          break;
        case '-':
          if (s.startsWith("-070000", i)) {
            return hit(i, Std.NUM_SECONDS_TZ, i + 7);
          }
          if (s.startsWith("-07:00:00", i)) {
            return hit(i, Std.NUM_COLON_SECONDS_TZ, i + 9);
          }
          if (s.startsWith("-0700", i)) {
            return hit(i, Std.NUM_TZ, i + 5);
          }
          if (s.startsWith("-07:00", i)) {
            return hit(i, Std.NUM_COLON_TZ, i + 6);
          }
          if (s.startsWith("-07", i)) {
            return hit(i, Std.NUM_SHORT_TZ, i + 3);
          }
          break;
        case 'Z':
          if (s.startsWith("Z070000", i)) {
            return hit(i, Std.ISO8601_SECONDS_TZ, i + 7);
          }
          if (s.startsWith("Z07:00:00", i)) {
            return hit(i, Std.ISO8601_COLON_SECONDS_TZ, i + 9);
          }
          if (s.startsWith("Z0700", i)) {
            return hit(i, Std.ISO8601_TZ, i + 5);
          }
          if (s.startsWith("Z07:00", i)) {
            return hit(i, Std.ISO8601_COLON_TZ, i + 6);
          }
          if (s.startsWith("Z07", i)) {
            return hit(i, Std.ISO8601_SHORT_TZ, i + 3);
          }
          break;
        case '.', ',':
          if (i + 1 < s.length() && (s.charAt(i + 1) == '0' || s.charAt(i + 1) == '9')) {
            char ch = s.charAt(i + 1);
            int j = i + 1;
            while (j < s.length() && s.charAt(j) == ch) {
              j++;
            }
            if (!(j < s.length() && Character.isDigit(s.charAt(j)))) {
              return hit(i, ch == '0' ? Std.FRAC_SECOND0 : Std.FRAC_SECOND9, j);
            }
          }
          break;
        default:
          break;
      }
    }
    return new int[] {s.length(), -1, s.length()};
  }

  private static int[] hit(int start, Std std, int end) {
    return new int[] {start, std.ordinal(), end};
  }

  private static boolean startsWithLower(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }

  /** Go's {@code Time.Format}. */
  static String format(ZonedDateTime t, String layout) {
    StringBuilder b = new StringBuilder();
    int offset = t.getOffset().getTotalSeconds();
    for (Chunk c : chunks(layout)) {
      switch (c.std()) {
        case LITERAL -> b.append(c.text());
        case YEAR -> pad(b, Math.floorMod(t.getYear(), 100), 2);
        case LONG_YEAR -> pad(b, t.getYear(), 4);
        case MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
        case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
        case NUM_MONTH -> b.append(t.getMonthValue());
        case ZERO_MONTH -> pad(b, t.getMonthValue(), 2);
        case WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7], 0, 3);
        case LONG_WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7]);
        case DAY -> b.append(t.getDayOfMonth());
        case UNDER_DAY -> b.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
        case ZERO_DAY -> pad(b, t.getDayOfMonth(), 2);
        case UNDER_YEAR_DAY -> b.append(String.format("%3d", t.getDayOfYear()));
        case ZERO_YEAR_DAY -> pad(b, t.getDayOfYear(), 3);
        case HOUR -> pad(b, t.getHour(), 2);
        case HOUR12 -> b.append(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
        case ZERO_HOUR12 -> pad(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2);
        case MINUTE -> b.append(t.getMinute());
        case ZERO_MINUTE -> pad(b, t.getMinute(), 2);
        case SECOND -> b.append(t.getSecond());
        case ZERO_SECOND -> pad(b, t.getSecond(), 2);
        case PM_UPPER -> b.append(t.getHour() >= 12 ? "PM" : "AM");
        case PM_LOWER -> b.append(t.getHour() >= 12 ? "pm" : "am");
        case TZ -> {
          String name = zoneAbbreviation(t);
          if (name != null) {
            b.append(name);
          } else {
            offset(b, offset, true, true, false, false);
          }
        }
        case FRAC_SECOND0, FRAC_SECOND9 -> fraction(b, t.getNano(), c);
        default -> zone(b, c.std(), offset);
      }
    }
    return b.toString();
  }

  private static void fraction(StringBuilder b, int nanos, Chunk c) {
    String digits = String.format("%09d", nanos).substring(0, Math.min(9, c.digits()));
    if (c.std() == Std.FRAC_SECOND9) {
      digits = digits.replaceAll("0+$", "");
      if (digits.isEmpty()) {
        return;
      }
    }
    b.append(c.separator()).append(digits);
  }

  private static void zone(StringBuilder b, Std std, int offset) {
    boolean iso = std.name().startsWith("ISO8601");
    if (iso && offset == 0) {
      b.append('Z');
      return;
    }
    boolean colon = std.name().contains("COLON");
    boolean shortForm = std.name().contains("SHORT");
    boolean seconds = std.name().contains("SECONDS");
    offset(b, offset, !shortForm, false, colon, seconds);
  }

  private static void offset(StringBuilder b, int offset, boolean minutes, boolean plain, boolean colon,
      boolean seconds) {
    int abs = Math.abs(offset);
    b.append(offset < 0 ? '-' : '+');
    pad(b, abs / 3600, 2);
    if (colon) {
      b.append(':');
    }
    if (minutes) {
      pad(b, abs / 60 % 60, 2);
    }
    if (seconds && !plain) {
      if (colon) {
        b.append(':');
      }
      pad(b, abs % 60, 2);
    }
  }

  /** The zone's abbreviation as Go's tzdata names it ("UTC", "PST", "CET"), or null when it has none. */
  private static String zoneAbbreviation(ZonedDateTime t) {
    String id = t.getZone().getId();
    if (id.equals("UTC") || id.equals("Z") || id.equals("Etc/UTC")) {
      return "UTC";
    }
    String name = t.getZone().getDisplayName(TextStyle.SHORT, Locale.US);
    String atInstant = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
    if (atInstant.startsWith("GMT") && atInstant.length() > 3) {
      int off = t.getOffset().getTotalSeconds();
      StringBuilder sb = new StringBuilder();
      offset(sb, off, off % 3600 != 0, true, false, false);
      return sb.toString();
    }
    return atInstant.isEmpty() ? name : atInstant;
  }

  private static void pad(StringBuilder b, int v, int width) {
    if (v < 0) {
      b.append('-');
      v = -v;
    }
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    b.append(s);
  }
}

package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeBuiltinsTest {
  private final FixedContext q = new FixedContext(1_700_000_000_123_456_789L);

  @Test
  void nowIsTheQueryClock() {
    assertThat(q.resultJson("time.now_ns")).isEqualTo("1700000000123456789");
  }

  @Test
  void parsesRfc3339AtTheEdgesOfInt64() {
    assertThat(q.resultJson("time.parse_rfc3339_ns", str("2017-06-02T19:00:00-07:00"))).isEqualTo("1496455200000000000");
    assertThat(q.resultJson("time.parse_rfc3339_ns", str("1677-09-21T00:12:43.145224192-00:00")))
        .isEqualTo("-9223372036854775808");
    assertThat(q.resultJson("time.parse_rfc3339_ns", str("2262-04-11T23:47:16.854775807Z"))).isEqualTo("9223372036854775807");
    assertThatThrownBy(() -> q.call("time.parse_rfc3339_ns", str("2262-04-11T23:47:16.854775808Z")))
        .hasMessage("time.parse_rfc3339_ns: time outside of valid range");
    assertThatThrownBy(() -> q.call("time.parse_rfc3339_ns", str("2020-13-01T00:00:00Z")))
        .hasMessage("time.parse_rfc3339_ns: parsing time \"2020-13-01T00:00:00Z\": month out of range");
    assertThatThrownBy(() -> q.call("time.parse_rfc3339_ns", str("2020-02-30T00:00:00Z")))
        .hasMessage("time.parse_rfc3339_ns: parsing time \"2020-02-30T00:00:00Z\": day out of range");
    assertThatThrownBy(() -> q.call("time.parse_rfc3339_ns", str("2020-01-01 00:00:00Z")))
        .hasMessage("time.parse_rfc3339_ns: parsing time \"2020-01-01 00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\":"
            + " cannot parse \" 00:00:00Z\" as \"T\"");
  }

  @Test
  void parsesGoLayoutsAndNamedLayouts() {
    assertThat(q.resultJson("time.parse_ns", str("2006-01-02"), str("2020-03-04"))).isEqualTo("1583280000000000000");
    assertThat(q.resultJson("time.parse_ns", str("RFC1123"), str("Mon, 02 Jan 2006 15:04:05 UTC")))
        .isEqualTo("1136214245000000000");
    assertThat(q.resultJson("time.parse_ns", str("Jan _2 2006 3:04PM -0700"), str("Feb  3 2013 1:05PM +0100")))
        .isEqualTo("1359893100000000000");
    assertThat(q.resultJson("time.parse_ns", str("02/01/06 15:04:05.000"), str("31/12/99 23:59:59.250")))
        .isEqualTo("946684799250000000");
    assertThat(q.resultJson("time.parse_ns", str("2006-01-02 15:04 MST"), str("2020-01-02 03:04 GMT+2")))
        .isEqualTo("1577934240000000000");
    assertThat(q.resultJson("time.parse_ns", str("2006-01-02 15:04 MST"), str("2020-01-02 03:04 PST")))
        .isEqualTo("1577934240000000000");
    assertThat(q.resultJson("time.parse_ns", str("Monday, January 2, 2006"), str("tuesday, MARCH 3, 2015")))
        .isEqualTo("1425340800000000000");
    assertThatThrownBy(() -> q.call("time.parse_ns", str("2006-01-02"), str("2020-03-04x")))
        .hasMessage("time.parse_ns: parsing time \"2020-03-04x\": extra text: \"x\"");
  }

  @Test
  void parsesGoDurations() {
    assertThat(q.resultJson("time.parse_duration_ns", str("100ms"))).isEqualTo("100000000");
    assertThat(q.resultJson("time.parse_duration_ns", str("1h30m"))).isEqualTo("5400000000000");
    assertThat(q.resultJson("time.parse_duration_ns", str("-1.5s"))).isEqualTo("-1500000000");
    assertThat(q.resultJson("time.parse_duration_ns", str("3µs"))).isEqualTo("3000");
    assertThat(q.resultJson("time.parse_duration_ns", str("0"))).isEqualTo("0");
    assertThatThrownBy(() -> q.call("time.parse_duration_ns", str("1")))
        .hasMessage("time.parse_duration_ns: time: missing unit in duration \"1\"");
    assertThatThrownBy(() -> q.call("time.parse_duration_ns", str("1d")))
        .hasMessage("time.parse_duration_ns: time: unknown unit \"d\" in duration \"1d\"");
    assertThatThrownBy(() -> q.call("time.parse_duration_ns", str("x")))
        .hasMessage("time.parse_duration_ns: time: invalid duration \"x\"");
  }

  @Test
  void readsCalendarFieldsInZones() {
    String leapDay = "1582977600000000000";
    assertThat(q.resultJson("time.date", leapDay)).isEqualTo("[2020,2,29]");
    assertThat(q.resultJson("time.clock", leapDay)).isEqualTo("[12,0,0]");
    assertThat(q.resultJson("time.weekday", leapDay)).isEqualTo(str("Saturday"));
    assertThat(q.resultJson("time.clock", "[" + leapDay + ",\"Asia/Tokyo\"]")).isEqualTo("[21,0,0]");
    assertThat(q.resultJson("time.date", "[" + leapDay + ",\"America/New_York\"]")).isEqualTo("[2020,2,29]");
    assertThatThrownBy(() -> q.call("time.date", "1582977600000000000000"))
        .hasMessage("time.date: timestamp too big");
    assertThatThrownBy(() -> q.call("time.date", "[1,\"Mars/Olympus\"]"))
        .hasMessage("time.date: unknown time zone Mars/Olympus");
    assertThatThrownBy(() -> q.call("time.date", str("x")))
        .hasMessage("time.date: operand 1 must be either number (ns) or [number (ns), string (tz)] but got string");
  }

  @Test
  void addsDatesWithGoNormalisation() {
    String jan31 = "1580428800000000000";
    assertThat(q.resultJson("time.add_date", jan31, "0", "1", "0")).isEqualTo("1583107200000000000");
    assertThat(q.resultJson("time.add_date", jan31, "1", "0", "1")).isEqualTo("1612137600000000000");
    assertThatThrownBy(() -> q.call("time.add_date", jan31, "300", "0", "0"))
        .hasMessage("time.add_date: time outside of valid range");
    assertThatThrownBy(() -> q.call("time.add_date", jan31, "2000000000", "0", "0"))
        .hasMessage("time.add_date: time outside of valid range");
    assertThatThrownBy(() -> q.call("time.add_date", jan31, "0", "1.5", "0"))
        .hasMessage("time.add_date: operand 3 must be integer number but got floating-point number");
  }

  @Test
  void diffsCalendarUnits() {
    assertThat(q.resultJson("time.diff", "1583280000000000000", "1580428800000000000")).isEqualTo("[0,1,4,0,0,0]");
    assertThat(q.resultJson("time.diff", "0", "1583280000000000000")).isEqualTo("[50,2,3,0,0,0]");
  }

  @Test
  void formatsWithLayoutsAndZones() {
    String t = "1583280000123000000";
    assertThat(q.resultJson("time.format", t)).isEqualTo(str("2020-03-04T00:00:00.123Z"));
    assertThat(q.resultJson("time.format", "[" + t + ",\"America/New_York\"]")).isEqualTo(str("2020-03-03T19:00:00.123-05:00"));
    assertThat(q.resultJson("time.format", "[" + t + ",\"UTC\",\"RFC1123\"]")).isEqualTo(str("Wed, 04 Mar 2020 00:00:00 UTC"));
    assertThat(q.resultJson("time.format", "[" + t + ",\"Europe/Paris\",\"Mon Jan _2 3:04:05.000 PM MST -07:00 2006\"]"))
        .isEqualTo(str("Wed Mar  4 1:00:00.123 AM CET +01:00 2020"));
    assertThat(q.resultJson("time.format", "[" + t + ",\"\",\"002 __2 06 .999999\"]")).isEqualTo(str("064  64 20 .123"));
    assertThat(q.callValues("time.format", java.util.List.of(io.tripline.rego.value.ArrayValue.of(
        io.tripline.rego.value.NumberValue.parse("1700000000000000000"), io.tripline.rego.value.StringValue.of("UTC"),
        io.tripline.rego.value.StringValue.of("2006-01-02"))))).hasToString(str("2023-11-14"));
  }
}

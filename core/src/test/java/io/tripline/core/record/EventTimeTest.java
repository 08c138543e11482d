package io.tripline.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeTest {

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-14T21:15:10Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2024-03-14T21:15:10.123Z",
      "2024-03-14T21:15:10+00:00", "2024-03-14T21:15:10.5Z", "2024-03-14T21:15:10.123456789Z", "2099-12-31T00:00:00Z", "2024-03-14T24:00:00Z", "2016-12-31T23:59:60Z"})
  void agreesWithInstantParse(String text) {
    assertThat(EventTime.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29T10:00:00Z", "2024-03-14T25:00:00Z", "2024-03-14T21:60:10Z", "2024-13-14T21:15:10Z",
      "2024-03-14 21:15:10Z", "2024-03-14T21:15:10.1234567890Z", "2024-03-14T21:15:10,5Z", "2024-03-14T21:15:10.x5Z", "2024-03-1xT21:15:10Z", "yesterday", ""})
  void rejectsWhatInstantParseRejects(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> EventTime.parse(text)).isInstanceOf(DateTimeException.class);
  }

  /** SIEM and data-lake exports (Athena, Splunk, Snowflake) write eventTime without T and Z: read as UTC. */
  @ParameterizedTest
  @CsvSource({
      "2024-03-14 21:15:10, 2024-03-14T21:15:10Z",
      "2024-03-14 21:15:10.123, 2024-03-14T21:15:10.123Z",
      "2024-03-14 21:15:10.123456, 2024-03-14T21:15:10.123456Z",
      "2024-03-14 21:15:10.123456789, 2024-03-14T21:15:10.123456789Z"})
  void readsSiemExportFormsAsUtc(String text, String utc) {
    assertThat(EventTime.parse(text)).isEqualTo(Instant.parse(utc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-14 25:15:10", "2024-03-14 21:15", "2024-03-14 21:15:10 +0100", "2024-03-14 21:15:10.1234567890"})
  void rejectsMalformedSiemForms(String text) {
    assertThatThrownBy(() -> EventTime.parse(text)).isInstanceOf(DateTimeException.class);
  }
}

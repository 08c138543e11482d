package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.StringValue;
import org.junit.jupiter.api.Test;

class UnitsAndVersionBuiltinsTest {
  private final FixedContext q = new FixedContext();

  @Test
  void parsesSiAndBinaryUnits() {
    assertThat(q.resultJson("units.parse", str("10Ki"))).isEqualTo("10240");
    assertThat(q.resultJson("units.parse", str("1.5M"))).isEqualTo("1500000");
    assertThat(q.resultJson("units.parse", str("100m"))).isEqualTo("0.1");
    assertThat(q.resultJson("units.parse", str("1e3"))).isEqualTo("1000");
    assertThatThrownBy(() -> q.call("units.parse", str("G"))).hasMessage("units.parse: units.parse: no amount provided");
    assertThatThrownBy(() -> q.call("units.parse", str("1 k")))
        .hasMessage("units.parse: units.parse: spaces not allowed in resource strings");
    assertThatThrownBy(() -> q.call("units.parse", str("0.0.0")))
        .hasMessage("units.parse: units.parse: could not parse amount to a number");
    assertThatThrownBy(() -> q.call("units.parse", str("1Q"))).hasMessage("units.parse: units.parse: unit Q not recognized");
    assertThatThrownBy(() -> q.call("units.parse", str("10e10000000Ei")))
        .hasMessage("units.parse: units.parse: exponent too large");
  }

  @Test
  void parsesByteUnits() {
    assertThat(q.resultJson("units.parse_bytes", str("\"100TIB\""))).isEqualTo("109951162777600");
    assertThat(q.resultJson("units.parse_bytes", str("1.1KiB"))).isEqualTo("1126");
    assertThat(q.resultJson("units.parse_bytes", str("10eib"))).isEqualTo("11529215046068469760");
    assertThat(q.resultJson("units.parse_bytes", str("1e-2KB"))).isEqualTo("10");
    assertThat(q.resultJson("units.parse_bytes", str("5E"))).isEqualTo("5000000000000000000");
    assertThatThrownBy(() -> q.call("units.parse_bytes", str("12xb")))
        .hasMessage("units.parse_bytes: units.parse_bytes: byte unit xb not recognized");
  }

  @Test
  void comparesSemanticVersions() {
    assertThat(q.resultJson("semver.compare", str("1.2.3"), str("v1.2.4"))).isEqualTo("-1");
    assertThat(q.resultJson("semver.compare", str("1.0.0-alpha.1"), str("1.0.0-alpha.beta"))).isEqualTo("-1");
    assertThat(q.resultJson("semver.compare", str("1.0.0-rc.1"), str("1.0.0"))).isEqualTo("-1");
    assertThat(q.resultJson("semver.compare", str("1.0.0+build.1"), str("1.0.0+build.2"))).isEqualTo("0");
    assertThat(q.resultJson("semver.is_valid", str("1.2"))).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", "1")).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", str("1.2.3-beta+exp.sha.5114f85"))).isEqualTo("true");
    // strict SemVer 2.0.0: no leading zeros, no empty pre-release or build section
    assertThat(q.resultJson("semver.is_valid", str("01.2.3"))).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", str("1.02.3"))).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", str("1.2.3-01"))).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", str("1.2.3-0a.0"))).isEqualTo("true");
    assertThat(q.resultJson("semver.is_valid", str("1.2.3-"))).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", str("1.2.3+"))).isEqualTo("false");
    assertThat(q.resultJson("semver.is_valid", str("1.2.3-a..b"))).isEqualTo("false");
    assertThatThrownBy(() -> q.call("semver.compare", str("1.2.3"), str("1.2.03")))
        .hasMessage("semver.compare: operand 2: string 1.2.03 is not a valid SemVer");
    assertThatThrownBy(() -> q.call("semver.compare", str("1.2"), str("1.2.3")))
        .hasMessage("semver.compare: operand 1: string 1.2 is not a valid SemVer");
  }

  @Test
  void uuidsAreStablePerSeedWithinAQuery() {
    var first = q.call("uuid.rfc4122", str("a"));
    assertThat(q.call("uuid.rfc4122", str("a"))).isEqualTo(first);
    assertThat(q.call("uuid.rfc4122", str("b"))).isNotEqualTo(first);
    assertThat(((StringValue) first).value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void parsesUuidFields() {
    assertThat(q.resultJson("uuid.parse", str("00000000-0000-4000-8000-000000000000")))
        .isEqualTo("{\"variant\":\"RFC4122\",\"version\":4}");
    assertThat(q.resultJson("uuid.parse", str("000003e8-48b9-21ee-b200-325096b39f47")))
        .isEqualTo("{\"clocksequence\":12800,\"domain\":\"Person\",\"id\":1000,\"macvariables\":\"local:unicast\","
            + "\"nodeid\":\"32-50-96-b3-9f-47\",\"time\":1693566990121469600,\"variant\":\"RFC4122\",\"version\":2}");
    assertThat(q.resultJson("uuid.parse", str("{38074da4-0b00-388d-9c3c-362de965547a}")))
        .isEqualTo("{\"variant\":\"RFC4122\",\"version\":3}");
    assertThat(q.resultJson("uuid.parse", str("not-a-uuid"))).isEqualTo("undefined");
  }
}

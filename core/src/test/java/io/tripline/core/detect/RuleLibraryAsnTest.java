package io.tripline.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.enrich.GeoIpEnricher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ASN table is loaded only for libraries whose rules name asn or as_org. */
class RuleLibraryAsnTest {
  @Test
  void onlyARuleThatNamesTheFieldOutsideCommentsReadsIt() {
    assertThat(RuleLibrary.mentionsAsn(Map.of("a.rego", "package a\n# see the asn-first-time rule\nx := input.tripline.source.country\n")))
        .isFalse();
    assertThat(RuleLibrary.mentionsAsn(Map.of("a.rego", "package a\nx := input.tripline.source.asn\n"))).isTrue();
    assertThat(RuleLibrary.mentionsAsn(Map.of("a.rego", "package a\nx := input.tripline.source[\"as_org\"] # org\n")))
        .isTrue();
  }

  @Test
  void withoutTheTableTheCountryIsStillThere() throws Exception {
    GeoIpEnricher countryOnly = GeoIpEnricher.load(List.of(), false);
    assertThat(countryOnly.lookup("1.1.1.1").get("country").asText()).matches("[A-Z]{2}");
    assertThat(countryOnly.lookup("1.1.1.1").has("asn")).isFalse();
    assertThat(GeoIpEnricher.load(List.of(), true).lookup("1.1.1.1").get("asn").asLong()).isEqualTo(13335);
  }
}

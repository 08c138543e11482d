package io.tripline.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoIpEnricherTest {
  static GeoIpEnricher enricher;

  @BeforeAll
  static void load() throws Exception {
    enricher = GeoIpEnricher.load(List.of());
  }

  @Test
  void theSeedsAttackerAddressHasACountryAndAnAutonomousSystem() {
    // SOC-2024-219 names 185.143.221[.]89 (Bulgaria in 2024); registries move such blocks, so only the shape is fixed here.
    ObjectNode o = enricher.lookup("185.143.221.89");
    assertThat(o).isNotNull();
    assertThat(o.get("country").asText()).matches("[A-Z]{2}");
    assertThat(o.get("asn").asLong()).isPositive();
    assertThat(o.get("as_org").asText()).isNotBlank();
  }

  @Test
  void wellKnownNetworksHaveTheirAutonomousSystem() {
    ObjectNode cloudflare = enricher.lookup("1.1.1.1");
    assertThat(cloudflare.get("asn").asLong()).isEqualTo(13335);
    assertThat(enricher.lookup("2606:4700:4700::1111").get("country").asText()).isNotBlank();
  }

  @Test
  void serviceNamesAndDocumentationRangesAreNotLookedUp() {
    assertThat(enricher.lookup("config.amazonaws.com")).isNull();
    assertThat(enricher.lookup("AWS Internal")).isNull();
    assertThat(enricher.lookup("")).isNull();
    assertThat(enricher.lookup("192.0.2.44")).isNull();
    assertThat(enricher.lookup("999.1.1.1")).isNull();
  }

  @Test
  void aFileThatIsNotMaxMindSaysSo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("GeoLite2-Country.mmdb");
    Files.writeString(bad, "not a database");
    assertThatThrownBy(() -> GeoIpEnricher.load(List.of(bad))).hasMessageContaining("GeoLite2-Country.mmdb")
        .hasMessageContaining("not a MaxMind DB file");
    assertThatThrownBy(() -> GeoIpEnricher.load(List.of(dir.resolve("missing.mmdb")))).hasMessageContaining("no such MaxMind DB file");
  }
}

package io.tripline.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogInventoryTest {

  @Test
  void countsCallsPrincipalsAddressesAndErrors() {
    LogInventory inventory = new LogInventory();
    Samples.cloudTrailRecords().forEach(inventory::add);

    assertThat(inventory.records()).isEqualTo(6);
    assertThat(inventory.first()).contains(Instant.parse("2024-03-14T20:58:31Z"));
    assertThat(inventory.last()).contains(Instant.parse("2024-03-14T21:25:12Z"));
    assertThat(inventory.eventSources()).first().satisfies(s -> {
      assertThat(s.eventSource()).isEqualTo("cloudtrail.amazonaws.com");
      assertThat(s.count()).isEqualTo(2);
      assertThat(s.eventNames()).extracting(LogInventory.Count::value).containsExactly("DescribeTrails", "UpdateTrail");
    });
    assertThat(inventory.principals()).first().satisfies(p -> {
      assertThat(p.name()).isEqualTo("dev-mhernandez");
      assertThat(p.type()).isEqualTo("IAMUser");
      assertThat(p.arn()).isEqualTo("arn:aws:iam::111122223333:user/dev-mhernandez");
      assertThat(p.count()).isEqualTo(4);
    });
    assertThat(inventory.sourceIps()).containsExactly(
        new LogInventory.Count("203.0.113.77", 4),
        new LogInventory.Count("198.51.100.23", 1),
        new LogInventory.Count("cloudtrail.amazonaws.com", 1));
    assertThat(inventory.errorCodes()).containsExactly(new LogInventory.Count("AccessDenied", 1));
  }

  @Test
  void anEmptyInventoryHasNoTimeRange() {
    LogInventory inventory = new LogInventory();

    assertThat(inventory.first()).isEmpty();
    assertThat(inventory.eventSources()).isEmpty();
  }
}

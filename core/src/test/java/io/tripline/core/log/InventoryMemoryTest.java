package io.tripline.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import org.junit.jupiter.api.Test;

/** Issue 15: logs inspect counts 100,000 principals in bounded memory, exact at the top. */
class InventoryMemoryTest {

  private static CloudTrailRecord record(String user, int second) {
    ObjectNode n = Samples.JSON.createObjectNode();
    n.put("eventTime", String.format("2024-03-14T21:%02d:%02dZ", second / 60 % 60, second % 60));
    n.put("eventSource", "s3.amazonaws.com");
    n.put("eventName", "GetObject");
    n.put("sourceIPAddress", "10." + (second >> 16 & 255) + "." + (second >> 8 & 255) + "." + (second & 255));
    ObjectNode id = n.putObject("userIdentity");
    id.put("type", "IAMUser");
    id.put("userName", user);
    id.put("arn", "arn:aws:iam::111122223333:user/" + user);
    return CloudTrailRecord.of(n);
  }

  @Test
  void aHundredThousandPrincipalsKeepExactTopCountsInBoundedMemory() {
    LogInventory inventory = new LogInventory();
    long before = usedHeap();
    int n = 0;
    for (int i = 0; i < 100_000; i++) {
      inventory.add(record("user-" + i, n++));
      if (i % 10 == 0) {
        inventory.add(record("busy-" + (i / 10 % 50), n++)); // 50 heavy hitters, 200 records each
      }
    }
    long retained = usedHeap() - before;
    System.out.printf("LogInventory with 100,000 principals (%d records): %.1f MB retained%n", inventory.records(), retained / 1e6);

    assertThat(inventory.approximate()).isTrue();
    assertThat(inventory.principals()).hasSizeLessThanOrEqualTo(LogInventory.KEPT);
    assertThat(inventory.principals().subList(0, 50)).allSatisfy(p -> {
      assertThat(p.name()).startsWith("busy-");
      assertThat(p.count()).isEqualTo(200);
      assertThat(p.approximate()).isFalse();
    });
    assertThat(inventory.distinctPrincipals().approximate()).isTrue();
    assertThat(inventory.distinctPrincipals().count()).isBetween(95_000L, 106_000L);
    assertThat(retained).isLessThan(20_000_000L);
  }

  @Test
  void belowTheLimitEverythingIsExact() {
    LogInventory inventory = new LogInventory();
    for (int i = 0; i < 500; i++) {
      inventory.add(record("u" + (i % 100), i));
    }
    assertThat(inventory.approximate()).isFalse();
    assertThat(inventory.distinctPrincipals()).isEqualTo(new LogInventory.Distinct(100, false));
    assertThat(inventory.principals()).allSatisfy(p -> assertThat(p.count()).isEqualTo(5));
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}

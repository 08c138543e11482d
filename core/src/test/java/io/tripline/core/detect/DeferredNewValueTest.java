package io.tripline.core.detect;

import static io.tripline.core.detect.TestRecords.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.core.record.CloudTrailRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine asks a new_value rule's match only for records with a value new to their
 * group; records whose values the group has seen join the window unverified and are checked
 * when a batch is built. The batches, and so the findings, must be those of asking every record.
 */
class DeferredNewValueTest {
  static final Instant T0 = Instant.parse("2024-03-14T21:00:00Z");

  static final String RULE = """
      # METADATA
      # title: New address, batch listed
      # description: A principal uses an address it never used; Skip calls do not count.
      # custom:
      #   id: T-DEF-1
      #   severity: low
      #   risk_score: 20
      #   mitre: [{id: T1078.004, version: "18"}]
      #   tags: [test]
      #   outcome: any
      #   kind: new_value
      #   window: 10m
      #   group_by: [userIdentity.arn]
      #   new_value: [sourceIPAddress]
      #   false_positives: []
      #   references: []
      #   investigation: []
      #   response: []
      package tripline.rules.test.deferred

      import rego.v1

      match if {
      	input.sourceIPAddress
      	input.eventName != "Skip"
      }

      alert contains {"message": sprintf("new address %s after %d calls", [last.sourceIPAddress, count(input.records) - 1])} if {
      	last := input.records[count(input.records) - 1]
      	count(input.history.sourceIPAddress) > 0
      	not last.sourceIPAddress in input.history.sourceIPAddress
      }
      """;

  /** The findings of the rule over the records, with the given reorder tolerance, on 1 and on 2 threads (which must agree). */
  static List<Finding> detect(Path dir, List<CloudTrailRecord> records, Duration tolerance) throws Exception {
    Files.writeString(dir.resolve("deferred.rego"), RULE);
    RuleLibrary library = RuleLibrary.compile(PolicyFiles.fromPaths(List.of(dir)));
    List<List<Finding>> runs = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      List<Finding> found = new ArrayList<>();
      DetectionEngine.embedded(library, DetectionOptions.defaults().threads(threads).chunkSize(2).reorderTolerance(tolerance))
          .run(records.iterator(), found::add);
      runs.add(found);
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    return runs.get(0);
  }

  @Test
  void unverifiedRecordsJoinABatchOnlyWhenTheirMatchHolds(@TempDir Path dir) throws Exception {
    List<CloudTrailRecord> records = List.of(
        call("a1", T0, "dev", "192.0.2.1", "s3.amazonaws.com", "ListBuckets", null, null),
        call("s1", T0.plusSeconds(10), "dev", "192.0.2.1", "s3.amazonaws.com", "Skip", null, null),
        call("a2", T0.plusSeconds(20), "dev", "192.0.2.1", "iam.amazonaws.com", "ListUsers", null, null),
        call("a3", T0.plusSeconds(30), "dev", "192.0.2.2", "s3.amazonaws.com", "ListBuckets", null, null),
        // A new address on a call that does not match: not a finding, and not remembered.
        call("s2", T0.plusSeconds(40), "dev", "192.0.2.3", "s3.amazonaws.com", "Skip", null, null),
        call("a4", T0.plusSeconds(50), "dev", "192.0.2.3", "s3.amazonaws.com", "ListBuckets", null, null),
        // Another principal's first call: no history, no finding.
        call("o1", T0.plusSeconds(60), "ops", "192.0.2.9", "s3.amazonaws.com", "ListBuckets", null, null));
    List<Finding> found = detect(dir, records, DetectionOptions.DEFAULT_TOLERANCE);
    assertThat(found).extracting(Finding::message)
        .containsExactly("new address 192.0.2.2 after 2 calls", "new address 192.0.2.3 after 3 calls");
    assertThat(found.get(0).correlation().eventIDs()).containsExactly("a1", "a2", "a3");
    assertThat(found.get(1).correlation().eventIDs()).containsExactly("a1", "a2", "a3", "a4");
  }

  @Test
  void recordsThatJoinWhileOlderOnesWaitStayOutOfTheOlderBatches(@TempDir Path dir) throws Exception {
    // With a 5-minute reorder tolerance, b2 and b3 wait while b4 and b6 (addresses the group has
    // seen) join the window at once: b3's batch must end with b3, b7's holds them all.
    List<CloudTrailRecord> records = List.of(
        call("b1", T0, "dev", "192.0.2.1", "s3.amazonaws.com", "ListBuckets", null, null),
        call("b2", T0.plus(Duration.ofMinutes(10)), "dev", "192.0.2.1", "s3.amazonaws.com", "ListBuckets", null, null),
        call("b3", T0.plus(Duration.ofMinutes(11)), "dev", "192.0.2.2", "s3.amazonaws.com", "ListBuckets", null, null),
        call("b4", T0.plus(Duration.ofMinutes(12)), "dev", "192.0.2.1", "iam.amazonaws.com", "ListUsers", null, null),
        call("b6", T0.plus(Duration.ofMinutes(20)), "dev", "192.0.2.1", "s3.amazonaws.com", "Skip", null, null),
        call("b7", T0.plus(Duration.ofMinutes(21)), "dev", "192.0.2.4", "s3.amazonaws.com", "ListBuckets", null, null));
    List<Finding> found = detect(dir, records, Duration.ofMinutes(5));
    assertThat(found).extracting(Finding::message)
        .containsExactly("new address 192.0.2.2 after 1 calls", "new address 192.0.2.4 after 2 calls");
    assertThat(found.get(0).correlation().eventIDs()).containsExactly("b2", "b3");
    // b6 (Skip) joined unverified and is left out once asked; b2 has left the 10-minute window.
    assertThat(found.get(1).correlation().eventIDs()).containsExactly("b3", "b4", "b7");
  }
}
